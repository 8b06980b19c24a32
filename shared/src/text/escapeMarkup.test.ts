import { describe, expect, it } from 'vitest';
import { escapeMarkup } from './escapeMarkup.js';

describe('escapeMarkup', () => {
  it('turns each of & < > " \' into a reference', () => {
    expect(escapeMarkup(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('escapes an ampersand once, so existing references stay visible as text', () => {
    expect(escapeMarkup('&amp; &#39;')).toBe('&amp;amp; &amp;#39;');
  });

  it('leaves every other text as it is, right-to-left and emoji included', () => {
    const text = 'Réunion — اجتماع — встреча 🎉 1 + 1 = 2';
    expect(escapeMarkup(text)).toBe(text);
    expect(escapeMarkup('')).toBe('');
  });
});
