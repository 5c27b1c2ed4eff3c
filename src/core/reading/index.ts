// The reading view: the markdown-it plugin and the plain-text adapter.
export { markdownItMarginalia, type ReadingAnnotation, type ReadingMention, type ResolveReview, type ReviewMarks } from './markMentions';
export { txtAsMarkdown, type TxtMarkdown } from './txtAsMarkdown';
export { offsetsIntoParsedText } from './parsedText';
