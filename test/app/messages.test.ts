import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/app/messages.js';
import { actionLines } from '../../src/app/replies/action-lines.js';
import { namesMatching } from '../../src/app/segment-names.js';

describe('words built from user data', () => {
  it('GIVEN a column header with Markdown THEN the failure message shows it as text, in lists and alone', () => {
    const text = failureMessage('unknown_column', { column: '[x](https://evil)', columnsFound: ['**Total**', 'Date'] }, 'en');
    expect(text).toContain("There is no column '\\[x\\](https://evil)'");
    expect(text).toContain("'\\*\\*Total\\*\\*', 'Date'");
  });

  it('GIVEN a server\'s own action with Markdown or a mention THEN the line cannot format or ping', () => {
    const [line] = actionLines([{ channel: 'email', timing: { en: '__now__', id: '__now__' }, action: { en: '@everyone **50% off**', id: 'x' } }], 'en');
    expect(line).toBe('Email · \\_\\_now\\_\\_: @\u200beveryone \\*\\*50% off\\*\\*');
  });
});

describe('namesMatching', () => {
  it('GIVEN a partial name typed without its apostrophe or spaces THEN the segment is suggested, once', () => {
    expect(namesMatching('cant', ["Can't Lose Them", 'Champions', "Can't Lose Them"])).toEqual(["Can't Lose Them"]);
    expect(namesMatching('at risk', ['At Risk', 'About To Sleep'])).toEqual(['At Risk']);
    expect(namesMatching('', ['A', 'B'], 1)).toEqual(['A']);
  });
});
