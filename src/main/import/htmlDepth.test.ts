import { describe, expect, it } from 'vitest';
import { htmlDepth } from './htmlDepth';

describe('htmlDepth', () => {
  it('counts nested elements and ignores void elements, comments and end tags the parser supplies', () => {
    expect(htmlDepth('<div><section><p>SV Rotheide<br><img src=x></section></div>')).toBe(2);
    expect(htmlDepth('<ul><li>eins<li>zwei<li>drei</ul><p>a<p>b<p>c')).toBe(1);
    expect(htmlDepth('<div title="<div><div>"><!-- <div><div><div> --><b>x</b></div>')).toBe(2);
    expect(htmlDepth('<div><br/><span/></div>')).toBe(1);
  });

  it('stops counting at the limit it is given', () => {
    expect(htmlDepth('<div>'.repeat(50_000), 1000)).toBe(1000);
    expect(htmlDepth(`${'<em>'.repeat(3)}x${'</em>'.repeat(3)}`)).toBe(3);
  });
});
