// What sits under the cursor: a mention in a review, or an entry in a film.yaml.

import * as vscode from 'vscode';
import { isLexiconPath } from '../../core/corpus';
import { dirnameUri as dirname } from '../../core/model/uri';
import type { Entity } from '../../core/lexicon/lexicon';
import { entityAtLexiconOffset, type FilmIndex, type IndexedReview } from '../../core/mentionIndex';
import type { Mention } from '../../core/mentions/types';
import type { CorpusService } from './corpusService';
import { LineMap } from '../../core/text';
import { toPath, toRange, toUri } from '../locations';

export interface EntityUnderCursor {
  film: FilmIndex;
  entity: Entity;
  /** Set in a review. */
  review?: IndexedReview;
  mention?: Mention;
  range: vscode.Range;
}

export function entityAt(corpus: CorpusService, document: vscode.TextDocument, position: vscode.Position): EntityUnderCursor | undefined {
  const path = toPath(document.uri);
  if (isLexiconPath(path)) {
    const film = corpus.index.film(dirname(path));
    if (!film || film.lexicon.text !== document.getText()) return undefined; // unsaved lexicon edits: wait for the re-parse
    const entity = entityAtLexiconOffset(film, document.offsetAt(position));
    if (!entity?.source) return undefined;
    const range = entity.idSource ? new vscode.Range(document.positionAt(entity.idSource.start), document.positionAt(entity.idSource.end)) : document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position);
    return { film, entity, range };
  }
  const review = corpus.reviewFor(document);
  if (!review) return undefined;
  const hit = corpus.index.mentionAt(review.path, document.offsetAt(position));
  if (!hit) return undefined;
  const entity = review.film.entity(hit.mention.entity);
  if (!entity) return undefined;
  return { film: review.film, entity, review, mention: hit.mention, range: toRange(review.lines(), hit.mention.start, hit.mention.end) };
}

/** The entity's entry in film.yaml: its whole entry and its id. */
export function definitionOf(film: FilmIndex, entity: Entity): vscode.LocationLink | undefined {
  if (!entity.source) return undefined;
  const lines = lexiconLines(film);
  const target = toRange(lines, entity.source.start, entity.source.end);
  const selection = entity.idSource ? toRange(lines, entity.idSource.start, entity.idSource.end) : target;
  return { targetUri: toUri(film.lexicon.path), targetRange: target, targetSelectionRange: selection };
}

const lexiconLineMaps = new WeakMap<object, LineMap>();
function lexiconLines(film: FilmIndex): LineMap {
  let lines = lexiconLineMaps.get(film.lexicon);
  if (!lines) lexiconLineMaps.set(film.lexicon, (lines = new LineMap(film.lexicon.text)));
  return lines;
}
