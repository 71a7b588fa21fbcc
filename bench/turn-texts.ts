/** What the benchmark's clients say: varied, realistic turns for the airport scenario. */
export const TURN_TEXTS = [
  'I left you alone at arrivals after the funeral. That was my fault.',
  "I'm sorry I wasn't there when your flight landed. You must have felt so alone.",
  'What was it like, waiting there for two hours?',
  "It makes sense that you're angry. I'd be angry too.",
  'I will pay you back for the taxi, and I will set two alarms from now on.',
  "I should have called you the moment I woke up. I didn't, and that's on me.",
  'Can you tell me what would help right now?',
  "You trusted me with one thing that night and I let you down. I'm sorry.",
];

export const SCENARIO_ID = 'airport-at-midnight';

export function turnText(i: number): string {
  return TURN_TEXTS[i % TURN_TEXTS.length]!;
}
