import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHtmlEntities, escapeHtml, foldName, stripDiacritics } from '../../src/domain/text.ts';

void describe('shared text helpers', () => {
  void it('folds names: case, diacritics and punctuation; separators and kept characters', () => {
    assert.equal(foldName('  Burlövs kommun! '), 'burlovs kommun');
    assert.equal(foldName('Åre/Östersund – Malmö', { separator: '-' }), 'are-ostersund-malmo');
    assert.equal(foldName('Kön (T/K/M)', { separator: '' }), 'kontkm');
    assert.equal(foldName('Se delområde 3.2, Ärende', { keep: '.' }), 'se delomrade 3.2 arende');
    assert.equal(stripDiacritics('Örebro Läns Landsting'), 'Orebro Lans Landsting');
  });

  void it('decodes entities in one pass, numeric ones included, invalid numbers as U+FFFD', () => {
    assert.equal(decodeHtmlEntities('a &amp;lt; b &lt; c &quot;d&quot; &#39;e&#x27; &apos;'), `a &lt; b < c "d" 'e' '`);
    assert.equal(decodeHtmlEntities('x&nbsp;y'), 'x\u00a0y');
    assert.equal(decodeHtmlEntities('x&nbsp;y', { nbsp: ' ' }), 'x y');
    assert.equal(decodeHtmlEntities('&#229;&#xE4;&#246;'), 'åäö');
    // Beyond U+10FFFF, a surrogate half, a control character: never thrown, never stored.
    assert.equal(decodeHtmlEntities('&#99999999;&#xD800;&#1;'), '\ufffd\ufffd\ufffd');
    assert.equal(decodeHtmlEntities('&copy; stays'), '&copy; stays');
  });

  void it('escaping round-trips through decoding', () => {
    const text = `<a href="x">Tom & 'Jerry'</a>`;
    assert.equal(escapeHtml(text), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    assert.equal(decodeHtmlEntities(escapeHtml(text)), text);
  });
});
