// Corpus, lexicon and sidecar text is data: it is escaped before it goes into Markdown.

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => '\\' + c).replace(/\r?\n/g, ' ');
}

/** A `command:` link target with JSON arguments, as VS Code expects in Markdown. */
export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
