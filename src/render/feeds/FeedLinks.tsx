import { feedPathsForPage } from "./feed-urls.js";

/**
 * Feed autodiscovery (RSS Advisory Board, "RSS Autodiscovery"; HTML `rel="alternate"`):
 * one link per format for the feed that mirrors this page.
 */
export function FeedLinks(props: { publicUrl: string; pagePath: string; title: string }) {
  const paths = feedPathsForPage(props.pagePath);
  return (
    <>
      <link
        rel="alternate"
        type="application/rss+xml"
        title={`${props.title} (RSS)`}
        href={`${props.publicUrl}${paths.rss}`}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={`${props.title} (Atom)`}
        href={`${props.publicUrl}${paths.atom}`}
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title={`${props.title} (JSON Feed)`}
        href={`${props.publicUrl}${paths.json}`}
      />
    </>
  );
}
