import type {ReactNode} from 'react'

export const metadata = {title: 'Bare article', description: 'The reference site article, rendered by a bare Next.js page'}

export default function Layout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body style={{fontFamily: 'system-ui, sans-serif', maxWidth: '42rem', margin: '0 auto', padding: '1rem', lineHeight: 1.5}}>
        <main>{children}</main>
      </body>
    </html>
  )
}
