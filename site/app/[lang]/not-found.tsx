import Link from 'next/link'

/** A missing article, office, person, event or forum (the language is not known here: both are offered). */
export default function NotFound() {
  return (
    <>
      <h1>Page not found · 未找到页面</h1>
      <p>
        <Link href="/en">IP News</Link> · <Link href="/zh-Hans">知识产权新闻</Link>
      </p>
    </>
  )
}
