import { describe, expect, it } from 'vitest';
import { euroToCents } from '../../web/src/components/transition/command-runner';

describe('money input', () => {
  it('reads Dutch amounts with thousands separators', () => {
    expect(euroToCents('1.500,00')).toBe(150_000);
    expect(euroToCents('1.500')).toBe(150_000);
    expect(euroToCents('12.345,5')).toBe(1_234_550);
  });

  it('keeps reading the short forms', () => {
    expect(euroToCents('625,50')).toBe(62_550);
    expect(euroToCents('625.50')).toBe(62_550);
    expect(euroToCents('625')).toBe(62_500);
    expect(euroToCents('1.5.0')).toBeUndefined();
  });

  it('reads the euro sign, a dash for no cents and one decimal as a Dutch person types them', () => {
    expect(euroToCents('€ 1.500')).toBe(150_000);
    expect(euroToCents('€1.500,00')).toBe(150_000);
    expect(euroToCents('1.500,-')).toBe(150_000);
    expect(euroToCents('1500,5')).toBe(150_050);
    expect(euroToCents('1500 euro')).toBe(150_000);
    expect(euroToCents('€')).toBeUndefined();
    expect(euroToCents('€ 1,5,0')).toBeUndefined();
  });
});
