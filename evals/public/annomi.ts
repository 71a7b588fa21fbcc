/**
 * AnnoMI (expert-coded motivational-interviewing transcripts) as a check on the listening
 * criteria. Each therapist utterance is scored as a `listening` reply to the client utterance
 * before it, and compared with the MI codes:
 *   reflection_exists                                   -> reflects
 *   question_exists and question_subtype = open         -> asks_open_question
 *   therapist_input_exists and subtype = advice         -> gives_unsolicited_advice
 * Utterances coded by several annotators take the majority; those same repeats give a
 * human-human baseline (mean pairwise kappa/F1 between annotators). Develop on odd
 * transcript ids only; report on even ones.
 */
import type { Criterion } from '../../server/practice/criteria.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { binaryMetrics, confusionOf, type BinaryMetrics } from '../metrics.js';
import type { Progress } from '../progress.js';
import { parseCsv } from './csv.js';
import type { PublicResult } from './public-result.js';

export type AnnomiSplit = 'dev' | 'report' | 'all';

const CODES: { criterion: Criterion; source: string; read: (row: Record<string, string>) => boolean }[] = [
  { criterion: 'reflects', source: 'reflection_exists', read: (r) => r.reflection_exists === 'True' },
  {
    criterion: 'asks_open_question',
    source: 'question_exists + question_subtype=open',
    read: (r) => r.question_exists === 'True' && r.question_subtype === 'open',
  },
  {
    criterion: 'gives_unsolicited_advice',
    source: 'therapist_input_exists + therapist_input_subtype=advice',
    read: (r) => r.therapist_input_exists === 'True' && r.therapist_input_subtype === 'advice',
  },
];

interface Utterance {
  transcript: number;
  position: number;
  speaker: string;
  text: string;
  /** One row per annotator. */
  rows: Record<string, string>[];
}

export interface AnnomiItem {
  transcript: number;
  /** The client utterance before the therapist's. */
  context: string;
  text: string;
  /** Per code of `ANNOMI_CODES`, the annotators' majority. */
  gold: boolean[];
}

/** The therapist utterances of a split, each with the client's utterance before it and its codes. */
export function annomiItems(csv: string, split: AnnomiSplit): AnnomiItem[] {
  const utterances = groupUtterances(parseCsv(csv));
  const items: AnnomiItem[] = [];
  const byTranscript = new Map<number, Utterance[]>();
  for (const u of utterances) byTranscript.set(u.transcript, [...(byTranscript.get(u.transcript) ?? []), u]);
  for (const [transcript, list] of byTranscript) {
    const inSplit = split === 'all' || (split === 'dev' ? transcript % 2 === 1 : transcript % 2 === 0);
    if (!inSplit) continue;
    list.sort((a, b) => a.position - b.position);
    let lastClient = '';
    for (const u of list) {
      if (u.speaker === 'client') {
        lastClient = u.text;
        continue;
      }
      if (u.speaker !== 'therapist') continue;
      items.push({ transcript, context: lastClient, text: u.text, gold: CODES.map((c) => majority(u.rows.map(c.read))) });
    }
  }
  return items;
}

export const ANNOMI_CRITERIA: readonly Criterion[] = CODES.map((c) => c.criterion);

export function measureAnnomi(csv: string, split: AnnomiSplit, progress?: Progress): PublicResult {
  const utterances = groupUtterances(parseCsv(csv));
  const items = annomiItems(csv, split);
  const predictions = items.map((item) => {
    const labels = item.text.trim() ? scoreReply({ kind: 'listening', context: item.context, reply: item.text }).labels : [];
    progress?.tick();
    return CODES.map((c) => labels.includes(c.criterion));
  });
  progress?.done();
  const human = humanAgreement(utterances);
  const criteria: PublicResult['criteria'] = {};
  CODES.forEach((c, k) => {
    const metrics = binaryMetrics(confusionOf(items.map((item, i) => [item.gold[k]!, predictions[i]![k]!] as const)));
    criteria[c.criterion] = { source: c.source, metrics, ...(human[k] ? { human: human[k] } : {}) };
  });
  const f1s = Object.values(criteria).map((v) => v!.metrics.f1);
  return {
    dataset: 'AnnoMI',
    split: split === 'dev' ? 'dev: odd transcript_id' : split === 'report' ? 'report: even transcript_id' : 'all transcripts',
    items: items.length,
    mapping: CODES.map((c) => `${c.source} -> ${c.criterion}`).concat('context = the client utterance before each therapist utterance; kind = listening'),
    criteria,
    meanF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    notes: [
      'utterances labelled by several annotators use the majority (more than half)',
      'human kappa/F1: mean over annotator pairs on the utterances all 10 annotators coded (7 transcripts), whatever the split',
    ],
  };
}

function groupUtterances(rows: Record<string, string>[]): Utterance[] {
  const map = new Map<string, Utterance>();
  for (const row of rows) {
    const key = `${row.transcript_id}:${row.utterance_id}`;
    const u = map.get(key);
    if (u) u.rows.push(row);
    else
      map.set(key, {
        transcript: Number(row.transcript_id),
        position: Number(row.utterance_id),
        speaker: row.interlocutor ?? '',
        text: row.utterance_text ?? '',
        rows: [row],
      });
  }
  return [...map.values()];
}

function majority(votes: boolean[]): boolean {
  return votes.filter(Boolean).length * 2 > votes.length;
}

/** Mean pairwise kappa and F1 between annotators, per code, on multiply-annotated therapist utterances. */
function humanAgreement(utterances: Utterance[]): ({ kappa: number; f1: number; note: string } | undefined)[] {
  const multi = utterances.filter((u) => u.speaker === 'therapist' && u.rows.length > 1);
  if (multi.length === 0) return CODES.map(() => undefined);
  const annotators = [...new Set(multi.flatMap((u) => u.rows.map((r) => r.annotator_id!)))].sort();
  return CODES.map((code) => {
    const kappas: number[] = [];
    const f1s: number[] = [];
    for (let a = 0; a < annotators.length; a++) {
      for (let b = a + 1; b < annotators.length; b++) {
        const pairs: [boolean, boolean][] = [];
        for (const u of multi) {
          const ra = u.rows.find((r) => r.annotator_id === annotators[a]);
          const rb = u.rows.find((r) => r.annotator_id === annotators[b]);
          if (ra && rb) pairs.push([code.read(ra), code.read(rb)]);
        }
        if (pairs.length === 0) continue;
        const m: BinaryMetrics = binaryMetrics(confusionOf(pairs));
        kappas.push(m.kappa);
        f1s.push(m.f1);
      }
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    return { kappa: mean(kappas), f1: mean(f1s), note: `${multi.length} utterances, ${kappas.length} annotator pairs` };
  });
}
