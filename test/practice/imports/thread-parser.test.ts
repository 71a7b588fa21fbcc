import { describe, expect, it } from 'vitest';
import { parseThread } from '../../../server/practice/imports/thread-parser.js';

describe('parseThread', () => {
  it('reads WhatsApp with the month first, as US phones write it', () => {
    const thread = parseThread('3/12/26, 9:14 PM - Sam: hi\n3/13/26, 9:15 PM - Alex: yo');
    expect(thread.format).toBe('whatsapp');
    expect(thread.turns.map((t) => [t.speaker, t.at])).toEqual([
      ['Sam', expect.stringMatching(/^2026-03-12T/)],
      ['Alex', expect.stringMatching(/^2026-03-13T/)],
    ]);
  });

  it('keeps a message a person typed that only looks like a system line', () => {
    const thread = parseThread('12/03/2026, 21:14 - Sam: left\n12/03/2026, 21:15 - Alex: added you to my list');
    expect(thread.turns.map((t) => t.text)).toEqual(['left', 'added you to my list']);
  });

  it('drops deleted messages, missed calls and the edited mark', () => {
    const thread = parseThread(
      '12/03/2026, 21:14 - Sam: This message was deleted\n12/03/2026, 21:14 - Sam: Missed voice call\n12/03/2026, 21:15 - Alex: fine <This message was edited>\n12/03/2026, 21:16 - Sam: ok',
    );
    expect(thread.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Alex', 'fine'],
      ['Sam', 'ok'],
    ]);
  });

  it('treats text before the first Name: line as a title and a URL as part of a message', () => {
    const thread = parseThread('Our chat\nSam: look\nhttps://example.com/x\nAlex: nice');
    expect(thread).toMatchObject({ format: 'lines', speakers: ['Sam', 'Alex'] });
    expect(thread.turns[0]!.text).toBe('look\nhttps://example.com/x');
  });
});
