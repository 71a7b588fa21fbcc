// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArcProgress } from '../../web/src/components/arc-progress.js';

afterEach(cleanup);

describe('ArcProgress', () => {
  it('lists every stage, marks the ones passed with their turn, and tells how each pushback was met', () => {
    render(
      <ArcProgress
        partnerName="Jonah"
        arc={{
          stages: [
            { stage: 'reached', turn: 1 },
            { stage: 'tested', turn: 2 },
            { stage: 'held', turn: 3 },
            { stage: 'revealed', turn: 3 },
          ],
          pushbacks: [{ turn: 2, line: "That's easy to say.", outcome: 'held' }],
          minTurns: 5,
          hiddenConcernTurn: 3,
          resolvedTurn: null,
          waitingFor: ['time', 'answer'],
        }}
      />,
    );
    const stages = screen.getAllByRole('listitem').filter((li) => li.classList.contains('arc-stage'));
    expect(stages.map((li) => li.textContent)).toEqual([
      '✓ a good move landed (after turn 1)',
      '✓ they tested it (after turn 2)',
      '✓ you held steady (after turn 3)',
      '✓ they said what is underneath (after turn 3)',
      '○ you answered it (not yet)',
      '○ resolved (not yet)',
    ]);
    expect(screen.getByText(/After turn 2: “That's easy to say.” — you held steady/)).toBeTruthy();
    expect(screen.getByText(/Jonah still needs .*an answer to what they told you is underneath/)).toBeTruthy();
    expect(screen.getByText(/before turn 5/)).toBeTruthy();
  });

  it('says nothing is awaited once the conversation has resolved', () => {
    render(
      <ArcProgress
        partnerName="Dana"
        arc={{ stages: [{ stage: 'resolved', turn: 8 }], pushbacks: [], minTurns: 7, hiddenConcernTurn: null, resolvedTurn: 8, waitingFor: [] }}
      />,
    );
    expect(screen.queryByText(/still needs/)).toBeNull();
    expect(screen.getByText(/resolved/).textContent).toContain('after turn 8');
  });
});
