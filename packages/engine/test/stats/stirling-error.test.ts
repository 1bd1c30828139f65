import { describe, expect, it } from 'vitest';
import { binomialDeviance, stirlingError } from '../../src/stats/index.js';
import { expectRelative } from './relative-error.js';

describe('stirlingError', () => {
  it('matches log n! − log(√(2πn)(n/e)^n) from mpmath, tabled, interpolated and by series', () => {
    // python3 -c "import mpmath as mp; mp.mp.dps=50; st=lambda n: mp.loggamma(n+1)-(n+mp.mpf(1)/2)*mp.log(n)
    //   +n-mp.log(mp.sqrt(2*mp.pi)); print([repr(float(st(mp.mpf(n)))) for n in [0.5,7,3.3,15.5,20.3,100,1e6]])"
    expectRelative(stirlingError(0.5), 0.15342640972002736, 1e-15);
    expectRelative(stirlingError(7), 0.01189670994589177, 1e-15);
    expectRelative(stirlingError(3.3), 0.025177132967245105, 1e-12);
    // Just above the table, R's five-term series is off by 1.5e-16 in absolute
    // terms (3e-14 relative), which is what matters where it enters a log-density.
    expectRelative(stirlingError(15.5), 0.005375599032926835, 1e-13);
    expectRelative(stirlingError(20.3), 0.0041047584872808685, 1e-14);
    expectRelative(stirlingError(100), 0.0008333305556349147, 1e-14);
    expectRelative(stirlingError(1e6), 8.333333333333056e-8, 1e-14);
    expect(stirlingError(0)).toBe(0);
  });
});

describe('binomialDeviance', () => {
  it('matches x log(x/m) + m − x from mpmath without cancellation near x = m', () => {
    // python3 -c "import mpmath as mp; mp.mp.dps=50; bd=lambda x,m: x*mp.log(x/m)+m-x;
    //   print([repr(float(bd(mp.mpf(x),mp.mpf(m)))) for x,m in [(10,9.9),(1e6,1e6+1),(50,10),(1e9,1e9-31623)]])"
    expectRelative(binomialDeviance(10, 9.9), 0.0005033585350144083, 1e-14);
    expectRelative(binomialDeviance(1e6, 1e6 + 1), 4.999996666669166e-7, 1e-12);
    expectRelative(binomialDeviance(50, 10), 40.471895621705016, 1e-15);
    expectRelative(binomialDeviance(1e9, 1e9 - 31623), 0.5000176058989472, 1e-12);
    expect(binomialDeviance(0, 3)).toBe(3);
    expect(binomialDeviance(4, 4)).toBe(0);
  });
});
