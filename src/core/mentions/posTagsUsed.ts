// The only Penn Treebank tags the title rules and the theme proposals read (verbs, adverbs; and
// determiners, which are never a theme: "every", "each"). A word with none of them (a noun, an
// adjective) is read as one whether or not the word list has it, so esbuild.mjs bundles only the
// words that have one: it reads the list below from this file.
export const POS_TAGS_USED: readonly string[] = ['VBZ', 'VBD', 'VBP', 'MD', 'RB', 'RBR', 'RBS', 'DT', 'PDT', 'WDT'];
