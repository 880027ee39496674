import {NextResponse, type NextRequest} from 'next/server'

/** Tells the layout which page it wraps, so its language links point at this page in the other language. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('x-pathname', request.nextUrl.pathname)
  return NextResponse.next({request: {headers}})
}

export const config = {matcher: ['/en/:path*', '/zh-Hans/:path*']}
