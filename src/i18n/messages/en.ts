/**
 * The English message catalogue: the source of every reader-facing and screen-reader-only
 * string. Each entry is a full sentence or label with `{named}` placeholders and one line of
 * context for translators. Other catalogues are plain data typed against these keys.
 */
export const en = {
  "a11y.links": { message: "Accessibility links", context: "Label of the skip-link navigation." },
  "skip.main": { message: "Skip to main content", context: "Skip link, first focusable element." },
  "skip.nav": { message: "Skip to navigation", context: "Skip link to the section navigation." },
  "skip.search": { message: "Skip to search", context: "Skip link to the search box." },
  "nav.sections": { message: "Sections", context: "Label of the main section navigation." },
  "nav.home": { message: "Home", context: "Link to the service's home page." },
  "breaking.label": { message: "Breaking News", context: "Label of the breaking-news bar." },
  "story.published": { message: "Published", context: "Label before the first-published time." },
  "story.updated": { message: "Updated", context: "Tag and label shown when a story was updated." },
  "story.by": { message: "By {names}", context: "Byline; {names} is a localized list of names." },
  "story.translatedBy": {
    message: "Translated by {names}",
    context:
      "Second byline line of a translated story; {names} is a localized list of translators.",
  },
  "story.agencyNote": {
    message: "This story contains information from {agencies}.",
    context: "Agency credit note; {agencies} is a localized list such as 'AFP and Reuters'.",
  },
  "story.corrections": { message: "Corrections", context: "Heading of the corrections list." },
  "story.topics": { message: "Topics", context: "Label of the list of topic links." },
  "story.related": { message: "Related stories", context: "Heading of related-story links." },
  "story.about": { message: "About {name}", context: "Label of a desk's byline card." },
  "story.killedTitle": {
    message: "This story has been removed",
    context: "Headline shown at the address of a killed story.",
  },
  "story.killedBody": {
    message: "This story is no longer available. It was withdrawn by the editors.",
    context: "Explanation shown at the address of a killed story.",
  },
  "story.killedReason": {
    message: "Editors' note: {reason}",
    context:
      "Shown under the notice at a killed story's address: the reason the editor gave when killing it.",
  },
  "textSize.label": { message: "Text size", context: "Label of the text-size control." },
  "textSize.xs": { message: "Extra small text", context: "Accessible name of the XS button." },
  "textSize.sm": { message: "Small text", context: "Accessible name of the SM button." },
  "textSize.md": { message: "Medium text", context: "Accessible name of the MD button." },
  "textSize.lg": { message: "Large text", context: "Accessible name of the LG button." },
  "textSize.xsShort": { message: "XS", context: "Visible abbreviation on the XS button." },
  "textSize.smShort": { message: "SM", context: "Visible abbreviation on the SM button." },
  "textSize.mdShort": { message: "MD", context: "Visible abbreviation on the MD button." },
  "textSize.lgShort": { message: "LG", context: "Visible abbreviation on the LG button." },
  "search.label": { message: "Search", context: "Label of the search form and its button." },
  "search.field": { message: "Search stories", context: "Accessible name of the search box." },
  "search.results": {
    message: "Results for “{query}”",
    context: "Heading of the search results page; {query} is the reader's search text.",
  },
  "search.count": {
    message: "{count, plural, one {# story found} other {# stories found}}",
    context: "Number of search results; uses CLDR plural categories.",
  },
  "search.none": {
    message: "No stories matched your search. Try fewer or different words.",
    context: "Shown when a search finds nothing.",
  },
  "search.prompt": {
    message: "Type one or more words to search this service's stories.",
    context: "Shown on the search page before a search.",
  },
  "home.top": { message: "Top story", context: "Heading of the home page's lead story." },
  "home.latest": { message: "Latest", context: "Heading of the home page's latest stories." },
  "list.empty": {
    message: "There are no stories here yet.",
    context: "Shown on a section, topic or author page that has no stories.",
  },
  "list.topic": { message: "Topic: {name}", context: "Title of a topic page." },
  "list.author": { message: "Stories by {name}", context: "Title of a person's or desk's page." },
  "pagination.label": { message: "Pages", context: "Label of the pagination navigation." },
  "pagination.next": { message: "Older stories", context: "Link to the next page of a list." },
  "pagination.previous": {
    message: "Newer stories",
    context: "Link to the previous page of a list.",
  },
  "notFound.title": { message: "Page not found", context: "Title of the 404 page." },
  "notFound.body": {
    message: "We could not find the page you asked for. It may have moved or been removed.",
    context: "Explanation on the 404 page.",
  },
  "notFound.home": {
    message: "Go to the {service} home page",
    context: "Link from the 404 page to the service home page.",
  },
  "badRequest.title": { message: "Bad request", context: "Title of the 400 page." },
  "badRequest.body": {
    message: "The address you followed is not valid. Please check it and try again.",
    context: "Explanation on the 400 page.",
  },
  "languages.label": {
    message: "Also available in",
    context:
      "Label of the language switcher listing this page in other languages or scripts; each link shows the language's own name.",
  },
  "languages.all": {
    message: "Languages",
    context:
      "Heading of the footer list of every edition of the site, each named in its own language and script; choosing one is remembered for the site's front door.",
  },
  "list.pair": {
    message: "{first} and {last}",
    context:
      "Joins the last two items of a list, e.g. agency names; {first} may already hold several comma-separated items. Only used where the browser's Intl has no list data for the language.",
  },
  "list.more": {
    message: "{first}, {next}",
    context:
      "Puts one list item before the rest ({next}), with the language's list comma (Persian '،', Chinese '、', Amharic '፣'). Only used where the browser's Intl has no list data for the language.",
  },
  "story.contributor": {
    message: "{name}, {title}",
    context:
      "A contributor at the foot of a story with their job title, e.g. 'Lena Okafor, Regional correspondent'.",
  },
  "story.correction": {
    message: "{date}: {text}",
    context:
      "One correction at the foot of a story: {date} is when it was made, {text} what was corrected.",
  },
  "home.description": {
    message: "The latest news from {service}.",
    context:
      "Meta description of a service's home page, shown by search engines; {service} is the service's name.",
  },
  "publisher.name": {
    message: "Meridian News Network",
    context:
      "The publisher's name as readers of the language know it, shown in the page footer. Feeds and structured data keep the official name set for the deployment.",
  },
  "footer.rights": {
    message: "© {year} {publisher}. All rights reserved.",
    context: "Copyright line in the page footer.",
  },
  "live.status.live": {
    message: "Live",
    context: "Badge of a live page whose coverage is going on now (live blog).",
  },
  "live.status.upcoming": {
    message: "Upcoming",
    context: "Badge of a live page whose coverage has not started yet.",
  },
  "live.status.ended": {
    message: "Ended",
    context: "Badge of a live page whose coverage has ended.",
  },
  "live.keyPoints": {
    message: "Key points",
    context: "Heading of the short summary points at the top of a live page.",
  },
  "live.keyEvents": {
    message: "Key events",
    context:
      "Heading of the list of links to a live page's most important posts; also the tag on such a post.",
  },
  "live.keyEvent": {
    message: "Key event",
    context: "Tag on one post of a live page that the editors marked as a key event.",
  },
  "live.pinned": {
    message: "Pinned post",
    context: "Heading above the post the editors pinned to the top of a live page.",
  },
  "live.posts": {
    message: "Latest updates",
    context: "Heading of a live page's stream of posts, newest first.",
  },
  "live.older": {
    message: "Older posts",
    context: "Link to the next page of a live page's older posts.",
  },
  "live.latest": {
    message: "Go to the latest posts",
    context: "Link from an older page of posts, or a shared post, back to the newest posts.",
  },
  "live.edited": {
    message: "Edited",
    context: "Tag on a live-page post that was changed after it was first posted.",
  },
  "live.share": {
    message: "Link to this post",
    context: "Link to a post's own address (its share URL).",
  },
  "live.removed": {
    message: "The post you were looking for has been removed.",
    context: "Shown when a reader follows a link to a live-page post that the editors deleted.",
  },
  "live.newPosts": {
    message: "{count, plural, one {# new post} other {# new posts}}",
    context:
      "Button announcing posts that arrived while reading; pressing it shows them. Uses CLDR plural categories.",
  },
  "programmes.title": {
    message: "Programmes",
    context: "Title of the page listing a service's programmes (radio and TV shows, podcasts).",
  },
  "programmes.empty": {
    message: "There are no programmes yet.",
    context: "Shown on the programmes page when the service has none.",
  },
  "programmes.presenters": {
    message: "Presented by {names}",
    context: "Who presents a programme; {names} is a localized list of names.",
  },
  "programmes.listenOn": {
    message: "Listen on",
    context:
      "Heading above links to podcast platforms (Apple Podcasts, Spotify\u2026) where a programme can be heard.",
  },
  "episodes.title": {
    message: "Episodes",
    context: "Heading above a programme's list of episodes, and of an episode page's player.",
  },
  "episodes.download": {
    message: "Download",
    context: "Label before an episode's download links; each link names its format and exact size.",
  },
  "episodes.transcript": {
    message: "Transcript",
    context: "Heading of the text of what is said in an episode, for readers who cannot play it.",
  },
  "episodes.chapters": {
    message: "Chapters",
    context:
      "Heading above an episode's chapter links, each of which jumps to a time in the recording.",
  },
  "episodes.podcast": {
    message: "Podcast feed (RSS)",
    context: "Link to a programme's podcast feed, for podcast apps.",
  },
  "episodes.play": {
    message: "Play video",
    context: "Button that starts an episode's video in the page (streamed in small pieces).",
  },
  "schedule.title": {
    message: "Schedule",
    context: "Title of the broadcast schedule page and its links.",
  },
  "schedule.onNow": {
    message: "On now",
    context: "Marks the broadcast on air at this moment.",
  },
  "schedule.next": {
    message: "Next",
    context: "Label before the broadcast that comes after the current one.",
  },
  "schedule.live": {
    message: "Live stream",
    context: "Link to a programme's live audio or video stream.",
  },
  "schedule.previousWeek": {
    message: "Previous week",
    context: "Link to the schedule of the week before the one shown.",
  },
  "schedule.nextWeek": {
    message: "Next week",
    context: "Link to the schedule of the week after the one shown.",
  },
  "schedule.calendar": {
    message: "Add to your calendar (iCal)",
    context: "Link to the schedule as an iCalendar file for calendar apps.",
  },
  "schedule.empty": {
    message: "Nothing is scheduled this week.",
    context: "Shown on the schedule page when a week has no broadcasts.",
  },
} as const satisfies Record<string, { message: string; context: string }>;

export type MessageKey = keyof typeof en;
