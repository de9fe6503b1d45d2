import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerPolicyCommand } from '../../../src/cli/commands/policy';
import { loadDefaultDataset } from '../../../src/domain/policy/dataset';
import { policyReport } from '../../../src/domain/policy/report';
import { withObservations } from '../../../src/domain/policy/model';
import { buildObservation, scenario } from './factories';

const dataset = loadDefaultDataset();
const report = policyReport(dataset, scenario('policy'));
const progressOf = (id: string) => {
  const found = report.progress.find((p) => p.target.id === id);
  if (found === undefined) throw new Error(`no target ${id}`);
  return found;
};

describe('policyReport', () => {
  it('measures the 2-wheeler target against the observed stock and the projection', () => {
    const bikes = progressOf('nev-2025-2030/cumulative_units/two_wheeler');
    const projected = report.projection.segments.find((s) => s.segment === 'two_wheeler')?.years.at(-1)?.stock;
    expect(bikes.latestObservation?.value).toBe(70_000);
    expect(bikes.baseline).toEqual({ year: 2025, value: 70_000, observed: true });
    expect(bikes.projected).toBe(projected);
    expect(bikes.gap).toBeCloseTo(2_000_000 - (projected ?? 0), 6);
    expect(bikes.requiredPath?.annualGrowth).toBeCloseTo(0.95518, 5);
    // The required curve is steeper than the borrowed one and still below the 90% ceiling.
    expect(bikes.requiredCurve?.growthRate).toBeGreaterThan(report.projection.comparableGrowthRate);
    expect(bikes.requiredCurve?.shareInTargetYear).toBeLessThan(0.9);
  });

  it('starts targets nobody has observed from the modelled base year, and says so', () => {
    const share = progressOf('nev-2025-2030/sales_share/all_vehicles');
    expect(share.latestObservation).toBeNull();
    expect(share.baseline).toEqual({ year: 2025, value: report.projection.totals[0]?.salesShare, observed: false });
    expect(share.note).toMatch(/No observation/);
  });

  it('starts the path from a later imported observation', () => {
    const imported = withObservations(dataset, [buildObservation('car', 'cumulative_units', 2026, 10_000)]);
    const cars = policyReport(imported, scenario('policy')).progress.find(
      (p) => p.target.id === 'nev-2025-2030/cumulative_units/car',
    );
    expect(cars?.baseline).toEqual({ year: 2026, value: 10_000, observed: true });
    // (99,155 / 10,000)^(1/4) − 1 over the four years to 2030.
    expect(cars?.requiredPath?.annualGrowth).toBeCloseTo((99_155 / 10_000) ** 0.25 - 1, 12);
  });

  it('leaves targets beyond 2030 unprojected', () => {
    const later = progressOf('ev-2019-2020/sales_share/all_vehicles/2040');
    expect(later.projected).toBeNull();
    expect(later.gap).toBeNull();
    expect(later.note).toMatch(/beyond the projection/);
  });

  it('compares charging targets with implied charging points, not stations', () => {
    const low = progressOf('nev-2025-2030/charging_stations/all_vehicles/techjuice-targets');
    expect(low.projected).toBe(report.chargers.at(-1)?.publicChargingPoints);
    expect(low.requiredPath).toBeNull();
    expect(low.note).toMatch(/charging points/);
  });

  it('sets the subsidy programme beside the projected sales of its year', () => {
    const bikes = report.programmeChecks.find((c) => c.observation.scope === 'two_wheeler');
    const sales2026 = report.projection.segments.find((s) => s.segment === 'two_wheeler')?.years.find((y) => y.year === 2026)?.evSales;
    expect(bikes?.projectedEvSales).toBe(sales2026);
  });

  it('lists every cited source once, numbered ones in order', () => {
    const refs = report.sources.map((s) => s.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of ['[1]', '[3]', '[4]', '[8]', '[15]', '[18]', '[21]', '[34]–[36]', 'IEA 2024']) expect(refs).toContain(ref);
    expect(refs.indexOf('[4]')).toBeLessThan(refs.indexOf('[18]'));
  });
});

describe('corridor policy', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  async function run(args: string[], files: Record<string, string> = {}) {
    let out = '';
    let err = '';
    const program = new Command().name('corridor').exitOverride();
    program.configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
    registerPolicyCommand(program, {
      out: (t) => (out += t),
      err: (t) => (err += t),
      readText: async (path) => {
        const text = files[path];
        if (text === undefined) throw new Error(`no file ${path}`);
        return text;
      },
    });
    await program.parseAsync(['node', 'corridor', 'policy', ...args]);
    return { out, err };
  }

  it('prints a table per segment with the target, observation, projection and sources', async () => {
    const { out } = await run(['report']);
    const bikes = out.split('\n').find((line) => line.startsWith('2-wheelers'));
    const projected = Math.round(progressOf('nev-2025-2030/cumulative_units/two_wheeler').projected ?? 0);
    expect(bikes).toContain('2,000,000 [4]');
    expect(bikes).toContain('70,000 (2025) [21]');
    expect(bikes).toContain(projected.toLocaleString('en-US'));
    expect(bikes).toContain('+95.5%/yr');
    expect(out).toMatch(/^2030 +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d/m);
    expect(out).toContain('[18] brecorder.com/news/40372068 <https://brecorder.com/news/40372068>');
  });

  it('prints the same numbers as JSON', async () => {
    const { out } = await run(['report', '--scenario', 'no-subsidy', '--json']);
    const parsed = JSON.parse(out) as typeof report;
    const expected = policyReport(dataset, scenario('no-subsidy'));
    expect(parsed.scenario.id).toBe('no-subsidy');
    expect(parsed.batteryDemand.years.map((y) => y.totalGwh)).toEqual(expected.batteryDemand.years.map((y) => y.totalGwh));
  });

  it('refuses an unknown scenario', async () => {
    await expect(run(['report', '--scenario', 'wishful'])).rejects.toThrow(/invalid/i);
  });

  it('uses imported observations, and refuses a file with errors', async () => {
    const good = 'segment,period,metric,value,source\ncar,2024,sales_share,1,test\ncar,2025,sales_share,2,test\n';
    const { out } = await run(['report', '--observations', 'good.csv'], { 'good.csv': good });
    expect(out).toContain('Cars fitted');
    const { out: none, err } = await run(['report', '--observations', 'bad.csv'], { 'bad.csv': 'segment,period,metric,value,source\ncar,2025,ev_sales,abc,test\n' });
    expect(none).toBe('');
    expect(err).toContain('row 2, column "value": "abc" is not a number');
    expect(process.exitCode).toBe(1);
  });

  it('lists the scenarios', async () => {
    const { out } = await run(['scenarios']);
    expect(out).toMatch(/^policy +on +-6\.1%\/yr/m);
    expect(out).toMatch(/^flat-prices-no-subsidy +off +0\.0%\/yr/m);
  });
});
