/**
 * The public shapes of plainly: options in, results out.
 * `Report` is the JSON contract (`--format json`); it is versioned by
 * `REPORT_VERSION` and documented in the README.
 */

/** How serious a finding is, most serious first. */
export type Severity = 'error' | 'warning' | 'suggestion'

/** What the settings (`rules:`) can do to a rule: switch it off, or give it another severity. */
export type RuleSetting = Severity | 'off'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'suggestion']

/**
 * What every rule declares about itself, beside its code; src/core/rules.ts
 * lists them all. Comment controls, settings validation, SARIF rule
 * descriptors and the docs are made from these.
 */
export interface RuleMeta {
  /** The rule id, such as "long-sentence"; for a family, its name ("jargon"), and its rules are "jargon/<name>". */
  id: string
  /** True for a family of rules named from data (glossary entries, wordy phrases). */
  family?: boolean
  /** A few plain words, such as "Long sentence". */
  title: string
  /** The severity it has unless the settings say otherwise (for a family, the usual one: each entry may set its own). */
  severity: Severity
  /** What it looks for, in a sentence or two. */
  description: string
  /** A sentence it flags, and one it does not. */
  example?: {flag: string; pass?: string}
  /** Settings that change what it does, by name. */
  options?: Record<string, string>
  /** False for problems with the file itself (cannot read it…): always reported, never switched off. */
  configurable?: boolean
  /** What a finding points at: some words (the default), a sentence, the whole document, a comment, or the file. Reports group findings by it. */
  about?: 'words' | 'sentence' | 'document' | 'comment' | 'file'
  /** Rules (or families) that come first: a finding of this rule on words one of theirs covers is left out. */
  yieldsTo?: readonly string[]
  /** For a family with a fixed set of rules: each rule's name and title ("unreadable": "File could not be read"). */
  members?: Readonly<Record<string, string>>
}

/** The document formats plainly reads. Word and PDF files are converted (to HTML and to text) and then checked the same way. */
export type Format = 'markdown' | 'text' | 'html' | 'docx' | 'pdf'

/** A target reading age range in whole years, for example 9 to 11. */
export interface TargetAge {
  min: number
  max: number
}

/** Settings for one check. Every field is optional; defaults are shown. */
export interface CheckOptions {
  /** Target reading age (default 9 to 11). A document above `max` gets a `reading-age` finding. */
  targetAge?: TargetAge
  /** How many of the hardest sentences to list per document (default 3). */
  hardest?: number
  /** Sentences with more words than this are `long-sentence` findings, suggestions (default 25). */
  maxSentenceWords?: number
  /** Long sentences with more words than this are warnings, not suggestions (default 35). */
  veryLongSentenceWords?: number
  /** Include retext-simplify's wordy-phrase suggestions (default true). */
  simplify?: boolean
  /**
   * The kind of document (glossary/profiles.yml: easy-read,
   * patient-information, board-paper): its target reading age and longest
   * sentence, unless set here too; glossary words that name the kind are not
   * flagged. Default: none.
   */
  profile?: string
}

/** Resolved settings, with every default filled in. */
export type ResolvedOptions = Required<CheckOptions>

export const DEFAULT_OPTIONS: ResolvedOptions = {
  targetAge: {min: 9, max: 11},
  hardest: 3,
  maxSentenceWords: 25,
  veryLongSentenceWords: 35,
  simplify: true,
  profile: ''
}

/**
 * A safe automatic swap: the text between two offsets and what it becomes.
 * The offsets are in the checked text (no byte order mark); for Word and PDF,
 * in the document's paragraphs joined by line breaks (DocumentView: paragraph
 * N starts at lineStarts[N - 1]).
 */
export interface Fix {
  range: [number, number]
  text: string
}

/** One problem found in a document. Lines and columns are 1-based. */
export interface Finding {
  /** Stable id of the check, such as `jargon/assurance`, `simplify/in-order-to`, `long-sentence`. */
  ruleId: string
  severity: Severity
  /** One sentence saying what to do. */
  message: string
  /** The words found, exactly as written. */
  actual: string | null
  /** Plainer alternatives, best first (may be empty). */
  expected: string[]
  /** Why it matters, in plain words. */
  note: string | null
  url: string | null
  line: number
  column: number
  endLine: number
  endColumn: number
  /** True when the file could not be checked at all (unreadable, binary, not UTF-8…). */
  fatal?: boolean
  /** A safe automatic swap (`--fix`): replace the text between these offsets (see Fix). Word: a tracked change in the reviewed copy. */
  fix?: Fix
  /** Word and PDF only: the paragraph (1-based; also given as `line`), the nearest heading above, the page (PDF) and a short quote. */
  paragraph?: number
  heading?: string
  page?: number
  snippet?: string
  /**
   * Words only (a glossary term, an acronym, a wordy phrase): which use of
   * the same term in this file this is (1 for the first) and how many uses
   * there are. Human reports show the first with the count; machine formats
   * keep every one.
   */
  occurrence?: number
  occurrences?: number
}

export interface FormulaGrade {
  /** US school grade. */
  grade: number
  /** UK reading age in years: US grade + 5. */
  age: number
}

export interface SmogGrade extends FormulaGrade {
  /** True when the document has fewer than 30 sentences, which SMOG was not designed for. */
  lowConfidence: boolean
}

export interface Formulas {
  fleschKincaid: FormulaGrade
  smog: SmogGrade
  automatedReadability: FormulaGrade
  colemanLiau: FormulaGrade
  gunningFog: FormulaGrade
  /** Flesch Reading Ease: 0 to about 120, higher is easier. 90 and above suits an average 11-year-old. */
  fleschReadingEase: {score: number}
}

export interface ReadingCounts {
  words: number
  sentences: number
  syllables: number
  /** Words of three or more syllables (SMOG). */
  polysyllables: number
  /** Letters and digits (ARI, Coleman–Liau). */
  letters: number
  /** Gunning Fog's complex words: three or more syllables, not names, not hyphenated, not counted for -ed/-es/-ing endings. */
  complexWords: number
}

/** Placed as a finding is (Word and PDF: by paragraph, heading and page). */
export interface HardSentence extends Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn' | 'paragraph' | 'heading' | 'page'> {
  text: string
  words: number
  /** Words of three or more syllables in this sentence. */
  longWords: string[]
  /** How many years the document's reading age would drop without this sentence. */
  raises: number
  /** Plain reasons, such as "31 words" or "6 long words". */
  reasons: string[]
}

export interface ReadingAge {
  /** Headline UK reading age in whole years, or null when there are no words. */
  age: number | null
  target: TargetAge
  withinTarget: boolean
  /** How `age` is worked out. */
  method: string
  formulas: Formulas | null
  counts: ReadingCounts
  hardestSentences: HardSentence[]
  /** The kind of document it was checked as (the settings' profile), when one was chosen. */
  profile?: string
  /** Reading ages plainly measures on kinds of real text, for comparison (glossary/profiles.yml). */
  reference?: Array<{name: string; age: number}>
}

export type SeverityCounts = Record<Severity, number>

/** A finding silenced by a control comment or by the baseline. It does not count towards the exit code. */
export interface SuppressedFinding extends Finding {
  suppression: {
    kind: 'comment' | 'baseline'
    /** The reason written after " -- " in the comment. */
    reason?: string
    /** Line of the comment. */
    line?: number
  }
}

/**
 * A document as a reader sees it, for reports that show it (the HTML
 * report): its blocks of text without markup (no tags or entities of an
 * HTML page, no # or * of Markdown), and where the checked text's words
 * are in them, so that findings (lines and columns of the checked text)
 * can be drawn on the same words.
 */
export interface DocumentView {
  /** Where each line of the checked text starts (offsets): a finding's line and column give its offset. */
  lineStarts: number[]
  blocks: ViewBlock[]
}

export interface ViewBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'quote' | 'row' | 'code' | 'plain'
  /** Headings: the level, 1 to 6. */
  depth?: number
  text: string
  /**
   * Where stretches of the checked text are in `text`, as groups of four
   * numbers: checked offset, its length, offset in `text`, its length (the
   * lengths differ where an entity such as &amp; stands for a character).
   */
  runs: number[]
}

export interface FileResult {
  /** The path as given (relative to the working folder), or the `--stdin-filename`. */
  path: string
  format: Format
  readingAge: ReadingAge | null
  findings: Finding[]
  counts: SeverityCounts
  /** Findings silenced by comments or the baseline. */
  suppressed: SuppressedFinding[]
}

export interface Summary extends SeverityCounts {
  files: number
  /** Findings silenced by comments or the baseline (not in the counts above). */
  suppressed: number
  /** Files that could not be checked at all. */
  unreadable: number
  /** Files whose reading age is above the target. */
  aboveTarget: number
}

export const REPORT_VERSION = 1

export interface Report {
  /** Version of this JSON shape. */
  version: typeof REPORT_VERSION
  /** Version of plainly that made it. */
  plainlyVersion: string
  files: FileResult[]
  summary: Summary
}
