// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from '../../web/src/components/notice.js';

afterEach(cleanup);

describe('ErrorNotice', () => {
  it('offers "Try again" that calls onRetry, as every view does when its data could not be loaded', () => {
    const onRetry = vi.fn();
    render(
      <ErrorNotice title="Your commitments could not be loaded" onRetry={onRetry}>
        The server did not answer.
      </ErrorNotice>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Your commitments could not be loaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows an action of its own instead, and no button when there is neither', () => {
    const { rerender } = render(<ErrorNotice action={<a href="/x">Start again</a>}>Gone.</ErrorNotice>);
    expect(screen.getByRole('link', { name: 'Start again' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<ErrorNotice>Gone.</ErrorNotice>);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
