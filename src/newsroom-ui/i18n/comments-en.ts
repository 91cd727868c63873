/**
 * Comments beside the story editor (editor-to-editor notes, mentions) and the header's
 * notifications, in English; spread into en.ts. comments-fa.ts has the same keys.
 */
export const commentsEn = {
  "comments.heading": "Comments",
  "comments.intro": "Notes for the desk. Readers never see them.",
  "comments.new": "New comment",
  // What the comment is about: the whole story or one paragraph of the body.
  "comments.about": "About",
  "comments.aboutStory": "The whole story",
  "comments.aboutBlock": "Paragraph {number}: {text}",
  "comments.useCursor": "Use the paragraph at the cursor",
  "comments.text": "Comment",
  "comments.textHint":
    "Plain text, up to 4,000 characters. Type @ and a name to mention someone who can see this story.",
  "comments.people": "People who can see this story",
  "comments.mentionCount": "{count} people found. Use the arrow keys and Enter to choose.",
  "comments.mentionNone": "Nobody who can see this story has that name.",
  "comments.mentioned": "{name} will be notified.",
  "comments.add": "Add comment",
  "comments.added": "Comment added.",
  "comments.loading": "Loading the comments…",
  "comments.loadFailed": "The comments could not be loaded: {error}",
  "comments.none": "No comments yet.",
  "comments.resolvedHeading": "Resolved comments ({count})",
  // The accessible name of one thread.
  "comments.thread": "Comment by {name}",
  "comments.onStory": "On the whole story",
  "comments.onBlock": "On paragraph {number}:",
  "comments.orphaned": "On a paragraph that has since been deleted:",
  "comments.showBlock": "Show paragraph {number} in the text",
  "comments.edited": "(edited)",
  "comments.reply": "Reply",
  "comments.replyText": "Your reply",
  "comments.sendReply": "Send reply",
  "comments.replied": "Reply added.",
  "comments.resolve": "Resolve",
  "comments.reopen": "Reopen",
  "comments.resolvedDone": "Comment resolved.",
  "comments.reopenedDone": "Comment reopened.",
  "comments.edit": "Edit",
  "comments.editText": "Edit your comment",
  "comments.save": "Save comment",
  "comments.saved": "Comment saved.",
  "comments.delete": "Delete",
  "comments.deleteTitle": "Delete this comment?",
  "comments.deleteThread": "The replies to it are deleted with it. This cannot be undone.",
  "comments.deleteReply": "This cannot be undone.",
  "comments.deleted": "Comment deleted.",

  "notifications.button": "Notifications",
  // Read out with the button; the badge shows the number alone.
  "notifications.unread": "{count} unread",
  "notifications.heading": "Notifications",
  "notifications.none": "No notifications yet.",
  // Followed by the story's headline.
  "notifications.mention": "{name} mentioned you on",
  "notifications.reply": "{name} replied to your comment on",
  "notifications.someone": "Someone",
  "notifications.new": "(new)",
  "notifications.markAllRead": "Mark all as read",
} as const;
