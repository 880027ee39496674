import type {LaunchOptions} from 'playwright-core'

/**
 * Debian's Chromium (scripts/ensure-chromium.sh installs it), headless, as root, on a machine without
 * network: background networking, component updates and sync would try to reach Google and fail.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
