import { brokenRules } from '../../src/validate/edit-rules.ts';
import type { EditRule } from '../../src/validate/dictionary.ts';

const sumRule: EditRule = { id: 'issues', sum: ['a', 'b'], equalsSum: ['t'], reason: 'somme' };
const atLeast: EditRule = { id: 'enfants', atLeast: 'enfants', than: 'familles', reason: 'enfants' };

describe('brokenRules', () => {
  it('passes consistent rows', () => {
    expect(brokenRules({ a: 1, b: 2, t: 3, enfants: 5, familles: 5 }, [sumRule, atLeast])).toEqual([]);
  });
  it('reports a sum that does not match, with both totals', () => {
    const broken = brokenRules({ a: 1, b: 3, t: 3 }, [sumRule]);
    expect(broken.map((b) => b.rule.id)).toEqual(['issues']);
    expect(broken[0].value).toContain('4');
    expect(broken[0].value).toContain('3');
  });
  it('reports fewer children than families, and only that', () => {
    expect(brokenRules({ a: 1, b: 2, t: 3, enfants: 4, familles: 5 }, [sumRule, atLeast]).map((b) => b.rule.id)).toEqual(['enfants']);
  });
  it('does not confuse decimal sums through rounding', () => {
    expect(brokenRules({ a: 0.1, b: 0.2, t: 0.30000000000000004 }, [sumRule])).toEqual([]);
  });
});
