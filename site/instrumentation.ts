/** Once per server start: the server follows the Content Lake's changes (lib/server-live.ts). Not while building. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const {expireOnLiveEvents} = await import('./lib/server-live')
  expireOnLiveEvents()
}
