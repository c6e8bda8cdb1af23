import { eValue, eValueFromRates } from '../../src/impact/evalue.ts';

describe('E-value (VanderWeele and Ding, 2017)', () => {
  test('their worked example: RR = 3.9 needs a confounder of about 7.26 on both sides', () => {
    // 3.9 + sqrt(3.9 × 2.9) = 3.9 + sqrt(11.31) = 3.9 + 3.36303…
    expect(eValue(3.9)).toBeCloseTo(7.26303, 4);
  });

  test('a protective ratio is read on its inverse: RR = 0.5 → 2 + √2', () => {
    expect(eValue(0.5)).toBeCloseTo(3.41421, 4);
    expect(eValue(0.5)).toBeCloseTo(eValue(2), 12);
  });

  test('no association needs no confounder: RR = 1 → 1', () => {
    expect(eValue(1)).toBe(1);
  });

  test('from two rates: 20 % treated against 25 % compared is RR = 0.8 → 1.25 + √(1.25 × 0.25)', () => {
    expect(eValueFromRates(0.2, 0.25)).toBeCloseTo(1.80902, 4);
  });

  test('a zero rate has no finite E-value', () => {
    expect(eValueFromRates(0, 0.1)).toBeNull();
    expect(eValueFromRates(0.1, 0)).toBeNull();
  });
});
