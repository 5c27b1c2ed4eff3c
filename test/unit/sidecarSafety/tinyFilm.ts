// A small film for the race and crash tests: a short lexicon and reviews, so one `annotate` run
// takes a few milliseconds and hundreds of races fit in a unit test.

export const TINY_LEXICON = `version: 1
film:
  id: vertigo
  title: Vertigo
  year: 1958
characters:
  - id: scottie
    name: Scottie Ferguson
    aliases: [Scottie]
  - id: madeleine
    name: Madeleine Elster
    aliases: [Madeleine]
people: []
themes:
  - id: obsession
    label: Obsession
    terms: [obsession, obsessed]
`;

export const TINY_REVIEW = `# Vertigo, again

Scottie follows Madeleine through San Francisco, and the film follows his obsession.
The tower, the bay, the grey suit: every place is a return to the same fall.
Madeleine is a portrait of a portrait; Scottie is obsessed with the painting.
`;

/** A passage of TINY_REVIEW that annotations in these tests point at. */
export const TINY_PASSAGE = 'every place is a return to the same fall';
