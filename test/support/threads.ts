/** Conversations to import in tests: both WhatsApp layouts, plain lines, and a long generated thread. */

/** Android export, day first: system lines, media, a join, a multi-line message, emoji and Arabic. */
export const ANDROID_THREAD = `12/03/2026, 21:10 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
12/03/2026, 21:14 - Maya: You didn't come to my recital. You said you'd be there.
12/03/2026, 21:14 - Maya: I kept looking at the door 😞
12/03/2026, 21:15 - Sam: I was really busy at work, you know how it is
12/03/2026, 21:16 - Maya: <Media omitted>
12/03/2026, 21:16 - Maya: So work matters more.
12/03/2026, 21:17 - Sam added Jo
12/03/2026, 21:18 - Sam: Sorry if you feel that way. It's not a big deal, there will be other recitals
12/03/2026, 21:19 - Maya: Wow.
It was a big deal to me.
Really big. مرحبا يا صديقي
12/03/2026, 21:21 - Sam: You're right. I'm sorry I missed it. It was my fault, I promised and I broke it.
12/03/2026, 21:22 - Maya: ...okay. thank you for saying that 🙏
12/03/2026, 21:25 - Sam: I know how much it meant to you. Next time I'll block the evening in my calendar the day you tell me.`;

/** iOS export, with seconds and brackets; the encryption notice carries the chat's name and a direction mark. */
export const IOS_THREAD = `[12/03/2026, 21:14:05] Maya: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.
[12/03/2026, 21:14:05] Maya: You didn't come to my recital.
[12/03/2026, 21:15:10] \u200eSam: I was really busy at work
and my phone died
[12/03/2026, 21:15:30] Sam: \u200eimage omitted
[12/03/2026, 21:16:00] Maya: So work matters more.
[12/03/2026, 21:17:00] Sam: I'm sorry. I promised and I broke it. That was on me.`;

/** Plain `Name: text` lines; a line without a name continues the message before it. */
export const LINES_THREAD = `Maya: You didn't come to my recital.
Sam: I was busy, you know how it is.
Maya: So work matters more.
I kept looking at the door.
Sam: I'm sorry. I promised and I broke it.`;

/**
 * A WhatsApp thread of `count` messages in bursts, as people write: each speaker sends one to
 * three messages in a row (so about half as many turns), short lines as in a real chat.
 */
export function longThread(count: number): string {
  const theirs = ['you never listen', 'ok', 'I am tired of this', 'why', 'fine', 'it hurt'];
  const mine = ['sorry', 'I was busy', 'my fault', 'how are you?', 'not a big deal', 'I hear you'];
  const lines: string[] = [];
  let speaker = 0;
  for (let i = 0; lines.length < count; i++) {
    const burst = 1 + (i % 3);
    for (let j = 0; j < burst && lines.length < count; j++) {
      const minute = lines.length % 60;
      const hour = 10 + (Math.floor(lines.length / 60) % 12);
      const words = speaker === 0 ? theirs[(i + j) % theirs.length] : mine[(i + j) % mine.length];
      lines.push(`12/03/2026, ${hour}:${String(minute).padStart(2, '0')} - ${speaker === 0 ? 'Maya' : 'Sam'}: ${words}`);
    }
    speaker = 1 - speaker;
  }
  return lines.join('\n');
}
