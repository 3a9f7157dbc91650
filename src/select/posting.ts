import type { Content } from '../content/model.js';
import { findPhrase, stemWords, type Span } from './phrase-match.js';

/** A competency the posting asks for, and the posting's own words that show it. */
export interface PostingCompetency {
  competency: string;
  /** How many times the posting used one of the competency's phrases. */
  hits: number;
  /** The posting's words that matched, as written there, each once, in the posting's order. */
  quotes: string[];
}

/** What a job posting asks for: the competencies it names, most asked for first. */
export interface PostingMatch {
  /** The posting file, as shown to the user. */
  file: string;
  found: PostingCompetency[];
}

/**
 * Ranks the competencies by how often the posting uses the phrases each is known by
 * (`knownAs` in content/competencies/*.md). Phrases match on word stems, so "mentoring
 * engineers" in a posting matches "mentor engineers". A word the posting uses for two
 * overlapping phrases of one competency counts once.
 */
export function matchPosting(content: Content, file: string, text: string): PostingMatch {
  const posting = stemWords(text);
  const found: PostingCompetency[] = [];
  for (const competency of content.competencies.values()) {
    const spans = competency.knownAs.flatMap((phrase) => findPhrase(posting, stemWords(phrase)));
    const distinct = withoutOverlaps(spans);
    if (distinct.length === 0) continue;
    const quotes = [...new Set(distinct.map((span) => text.slice(span.start, span.end).replace(/\s+/g, ' ')))];
    found.push({ competency: competency.id, hits: distinct.length, quotes });
  }
  found.sort((a, b) => b.hits - a.hits || a.competency.localeCompare(b.competency));
  return { file, found };
}

/** Spans in text order, a span inside or across an earlier one dropped: one use of words, one hit. */
function withoutOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}
