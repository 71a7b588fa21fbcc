/**
 * Writes the text of a new scenario file: valid from the first save (so `check` passes at
 * once), with a TODO placeholder wherever the author's words are needed and a comment
 * beside each field saying what it is for. Values the author typed are JSON-quoted, which
 * YAML reads as plain strings whatever they contain.
 */
import { CRITERION_LABELS, KIND_RUBRIC, type Criterion, type Kind } from '../../practice/criteria.js';
import type { SETTINGS } from '../../practice/scenarios/scenario-schema.js';

export interface ScaffoldAnswers {
  id: string;
  title: string;
  kind: Kind;
  difficulty: 1 | 2 | 3;
  setting: (typeof SETTINGS)[number];
  name: string;
  relationship: string;
}

/** Starting weights by kind; authors tune them. Red flags negative, good moves positive. */
const DEFAULT_WEIGHTS: Record<Kind, Partial<Record<Criterion, number>>> = {
  apology: {
    acknowledges_harm: 14,
    takes_responsibility: 16,
    validates_feelings: 10,
    proposes_action: 12,
    makes_excuses: -16,
    shifts_blame: -18,
    minimizes: -14,
    non_apology: -12,
  },
  listening: { reflects: 14, validates_feelings: 12, asks_open_question: 10, gives_unsolicited_advice: -14, self_focus: -14, minimizes: -16 },
  draft: {
    acknowledges_harm: 14,
    takes_responsibility: 16,
    validates_feelings: 10,
    proposes_action: 12,
    makes_excuses: -16,
    shifts_blame: -18,
    minimizes: -14,
    non_apology: -12,
  },
};

const q = (text: string) => JSON.stringify(text);

export function scaffoldScenario(answers: ScaffoldAnswers): string {
  const { kind, name } = answers;
  const rubric = KIND_RUBRIC[kind];
  const moves: Criterion[] = [...rubric.positive, ...rubric.redFlags];
  const weights = DEFAULT_WEIGHTS[kind];
  const opening = kind === 'draft' ? `TODO: ${name}'s last message, the one the draft answers.` : `TODO: the first thing ${name} says.`;

  const needs = rubric.positive.map(
    (criterion) => `  - id: ${criterion.replace(/_/g, '-')}
    says: ${q(`TODO: what ${name} needs to hear (${CRITERION_LABELS[criterion]}), in this situation's words.`)}
    criterion: ${criterion}
    cues: [TODO]   # words tied to this situation; one must appear for the need to count
    tip: ${q(`TODO: a one-line tip for the coach while this need is missing.`)}`,
  );

  const reactionBlocks = moves.map(
    (move) => `  ${move}:   # the person ${CRITERION_LABELS[move]}
    low: [${q(`TODO: ${name} when you ${CRITERION_LABELS[move]}, trust still low.`)}]
    mid: [${q(`TODO: ${name} when you ${CRITERION_LABELS[move]}, trust middling.`)}]
    high: [${q(`TODO: ${name} when you ${CRITERION_LABELS[move]}, trust nearly there.`)}]`,
  );

  return `---
id: ${answers.id}
title: ${q(answers.title)}
kind: ${kind}              # apology | listening | draft
difficulty: ${answers.difficulty}            # 1 forgiving (3+ turns), 2 realistic (5+, tests once), 3 demanding (7+, tests twice, needs the hidden concern)
setting: ${answers.setting}         # family | partner | friends | work
summary: ${q(`TODO: one sentence the picker shows: what happened, from the person's side.`)}
turnBudget: 10           # turns a skilful conversation should need at most
partner:
  name: ${q(name)}
  relationship: ${q(answers.relationship)}
  temperament: hurt      # hurt | defensive | withdrawn | escalating | anxious | guarded
  voice: ${q(`TODO: how ${name} talks when fine and when upset: sentence length, words they use, what they never say.`)}
  opening: ${q(opening)}
situation:
  theirSide: ${q(`TODO: what happened, as ${name} lived it.`)}
  yourSide: ${q(`TODO: what happened, as the person practising lived it.`)}
needs:
${needs.join('\n')}
hiddenConcern:
  summary: ${q(`TODO: what is really going on underneath for ${name}.`)}
  unlockedBy: [asks_open_question, reflects]
  minTrust: 35           # ${name} opens up only at or above this trust
  trustBonus: 10
  reveal:
    - ${q(`TODO: what ${name} says when it finally comes out — specific, in their voice.`)}
  answeredBy: [reflects, validates_feelings, proposes_action]   # a later turn must do one of these once it is out
  answerTip: ${q(`TODO: the coach's tip once it is out: what answering it would sound like.`)}
pushback:                # how ${name} tests a good turn before believing it (required from difficulty 2)
  - ${q(`TODO: ${name} doubting it, in their words ("That's easy to say.").`)}
  - ${q(`TODO: ${name} remembering last time ("You said that last time.").`)}
  - ${q(`TODO: ${name} asking how they can know ("How do I know you won't do it again?").`)}
trust:
  start: 25
  resolveAt: 75
  weights:               # scaled by difficulty automatically; good moves never negative
${Object.entries(weights)
  .map(([criterion, weight]) => `    ${criterion}: ${weight}`)
  .join('\n')}
slots: {}                # e.g. event: the recital — then write {event} in lines
reactions:               # by the person's move and ${name}'s trust band (low/mid/high, or any)
${reactionBlocks.join('\n')}
  neutral:   # nothing the rubric recognises
    low: [${q(`TODO: ${name} waiting for something real.`)}]
    mid: [${q(`TODO: ${name}, a short prompt to go on.`)}]
    high: [${q(`TODO: ${name}, warm and brief.`)}]
  off_script:   # the person tries to break the frame ("are you a bot?")
    any: [${q(`TODO: ${name} confused, pulling back to the conversation.`)}]
  closing:   # trust reached resolveAt
    any: [${q(`TODO: how ${name} closes the conversation once it is resolved.`)}]
---

TODO: who ${name} is — age, work, history with the person practising — in two to four
paragraphs of prose. The LLM engine plays ${name} from this.

TODO: how ${name} sounds when hurt, and how they thaw. What they would never say.
`;
}
