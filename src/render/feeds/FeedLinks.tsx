import { feedPathsForPage } from "./feed-urls.js";

/**
 * Feed autodiscovery (RSS Advisory Board, "RSS Autodiscovery"; HTML `rel="alternate"`):
 * one link per format for the feed that mirrors this page. Root-relative, so a reader on a
 * mirror subscribes through that mirror (issue 16); the feed's own self link names
 * PUBLIC_URL.
 */
export function FeedLinks(props: { pagePath: string; title: string }) {
  const paths = feedPathsForPage(props.pagePath);
  return (
    <>
      <link
        rel="alternate"
        type="application/rss+xml"
        title={`${props.title} (RSS)`}
        href={paths.rss}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={`${props.title} (Atom)`}
        href={paths.atom}
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title={`${props.title} (JSON Feed)`}
        href={paths.json}
      />
    </>
  );
}
