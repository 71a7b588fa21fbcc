// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describeChange, TrustMeter } from '../../web/src/components/trust-meter.js';

afterEach(cleanup);

describe('TrustMeter', () => {
  it('says the trust level, how far it moved and why, in words', () => {
    render(<TrustMeter trust={42} previous={34} resolveAt={78} reason="trust rose: you owned it" partnerName="Kwame" />);
    expect(screen.getByText("Kwame's trust")).toBeTruthy();
    expect(screen.getByText(/up 8 on your last turn/)).toBeTruthy();
    expect(screen.getByText('trust rose: you owned it')).toBeTruthy();
    expect(screen.getByText('Resolves at 78.')).toBeTruthy();
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('42');
    expect(meter.getAttribute('aria-valuetext')).toBe('42 of 100, up 8 on your last turn; the conversation resolves at 78');
  });

  it('says when trust fell, with a sign that is not only colour', () => {
    const { container } = render(<TrustMeter trust={20} previous={33} resolveAt={80} reason="trust fell: you made an excuse" />);
    expect(screen.getByText(/down 13 on your last turn/)).toBeTruthy();
    expect(container.querySelector('.trust-change')?.textContent).toContain('▼');
    expect(screen.getByText('trust fell: you made an excuse')).toBeTruthy();
  });

  it('explains that trust moves after each turn before the first one', () => {
    render(<TrustMeter trust={25} resolveAt={80} />);
    expect(screen.getByText(/before your first turn/)).toBeTruthy();
    expect(screen.getByText('Trust moves after each of your turns.')).toBeTruthy();
  });

  it('keeps the bar within 0 to 100 whatever it is given', () => {
    render(<TrustMeter trust={130} previous={90} resolveAt={80} />);
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('100');
    expect(describeChange(50, 50)).toBe('no change on your last turn');
  });
});
