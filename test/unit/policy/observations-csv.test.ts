import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefaultDataset } from '../../../src/domain/policy/dataset';
import { parseObservationsCsv } from '../../../src/domain/policy/observations-csv';

const HEADER = 'segment,period,metric,value,source';

describe('parseObservationsCsv', () => {
  it('reads segments, fiscal years, percentages and sources', () => {
    const result = parseObservationsCsv(
      [
        HEADER,
        'e-bikes,FY2025-26,ev_sales,"120,500",https://example.org/report?id=7',
        'Cars,2026,sales_share,2.5%,PAMA monthly bulletin',
        '3-wheelers,2025-26,sales_share,4,PAMA monthly bulletin',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.observations).toHaveLength(3);
    const [bikes, cars, rickshaws] = result.observations;
    expect(bikes).toMatchObject({
      id: 'imported/row-2',
      scope: 'two_wheeler',
      metric: 'ev_sales',
      period: { label: 'FY2025-26', year: 2026 },
      value: 120_500,
      kind: 'observed',
      label: 'Electric vehicles sold',
      sources: [{ ref: 'example.org', citation: 'https://example.org/report?id=7', url: 'https://example.org/report?id=7' }],
    });
    expect(cars).toMatchObject({ scope: 'car', period: { label: '2026', year: 2026 }, value: 0.025 });
    expect(cars?.sources[0]).toEqual({ ref: 'PAMA monthly bulletin', citation: 'PAMA monthly bulletin', url: null });
    expect(rickshaws).toMatchObject({ scope: 'three_wheeler', period: { label: 'FY2025-26', year: 2026 }, value: 0.04 });
  });

  it('names the row and column of a value that is not a number', () => {
    const result = parseObservationsCsv(
      [HEADER, 'car,2025,ev_sales,10,s', 'bus,2025,ev_sales,12,s', 'truck,2025,ev_sales,abc,s'].join('\n'),
    );
    expect(result.errors).toEqual([{ row: 4, column: 'value', message: 'row 4, column "value": "abc" is not a number' }]);
    expect(result.observations.map((o) => o.scope)).toEqual(['car', 'bus']);
  });

  it('reports every problem of a row, and keeps the good rows', () => {
    const result = parseObservationsCsv(
      [
        `${HEADER},kind`,
        'scooters,FY2025-27,speed,-3,,maybe',
        'car,2025,sales_share,140,s,observed',
        'car,2025,charging_stations,-1,s,observed',
        'bus,2025,cumulative_units,1e3,http://,observed',
        'truck,2025,cumulative_units,7,s,programme',
      ].join('\n'),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'row 2, column "segment": "scooters" is not a segment (expected two_wheeler, three_wheeler, car, bus, truck, two_and_three_wheelers or all_vehicles)',
      'row 2, column "metric": "speed" is not a metric (expected sales_share, cumulative_units, ev_sales, market_sales, charging_stations)',
      'row 2, column "period": "FY2025-27" is not a year (2025) or fiscal year (FY2024-25)',
      'row 2, column "source": the source is empty: give a URL or a citation',
      'row 2, column "kind": "maybe" is not a kind (expected observed or programme)',
      'row 3, column "value": 140 is more than 100%',
      'row 4, column "value": -1 is negative',
      'row 5, column "source": "http://" is not a valid URL',
    ]);
    expect(result.observations).toHaveLength(1);
    expect(result.observations[0]).toMatchObject({ scope: 'truck', kind: 'programme', value: 7 });
  });

  it('checks the header before any row', () => {
    const missing = parseObservationsCsv('Segment,Period,Metric,Source\ncar,2025,ev_sales,s');
    expect(missing.errors.map((e) => e.message)).toEqual(['row 1, column "value": the column is missing']);
    const unknown = parseObservationsCsv(`${HEADER},region\ncar,2025,ev_sales,1,s,PK`);
    expect(unknown.errors[0]?.message).toMatch(/^row 1, column 6: "region" is not a known column/);
  });

  it('reports rows of the wrong length and repeated rows', () => {
    const result = parseObservationsCsv(
      [HEADER, 'car,2025,ev_sales,1', 'car,2025,ev_sales,1,s', '', 'car,2025,ev_sales,2,s'].join('\n'),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'row 2: has 4 values, the header has 5 columns',
      'row 5: repeats row 3 (same segment, period, metric and source)',
    ]);
  });

  it('reports a broken file as a whole', () => {
    expect(parseObservationsCsv('').errors[0]?.message).toBe('the file is empty: expected a header row');
    const broken = parseObservationsCsv(`${HEADER}\ncar,2025,ev_sales,"1,s`);
    expect(broken.observations).toEqual([]);
    expect(broken.errors[0]?.message).toMatch(/^line \d+: /);
  });

  it('reads a spreadsheet export with a byte-order mark and Windows line ends', () => {
    const result = parseObservationsCsv(`\uFEFF${HEADER}\r\ncar,2025,ev_sales,1,s\r\n`);
    expect(result.errors).toEqual([]);
    expect(result.observations[0]?.value).toBe(1);
  });

  it('reads the shipped template, whose figures equal the default dataset', () => {
    const text = readFileSync(new URL('../../../reference/policy/observations-template.csv', import.meta.url), 'utf8');
    const result = parseObservationsCsv(text);
    expect(result.errors).toEqual([]);
    const shipped = loadDefaultDataset().observations;
    expect(result.observations).toHaveLength(shipped.length);
    for (const o of result.observations) {
      const twin = shipped.find((s) => s.scope === o.scope && s.metric === o.metric && s.period.year === o.period.year);
      expect(twin?.value, `${o.scope} ${o.metric}`).toBe(o.value);
      expect(twin?.kind).toBe(o.kind);
    }
  });
});
