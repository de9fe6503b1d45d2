/**
 * Who sells what to whom along the corridor's value chains, stage to stage. Mirrors
 * reference/ev_battery_value_chain_edges.csv and reference/value_chain_edges_other_sectors.csv
 * (a unit test keeps the two in step); it lives in code because domain code reads no files.
 */
import { VALUE_CHAIN_STAGES } from '../value-chain';

export interface ValueChainEdge {
  readonly from: string;
  readonly to: string;
  /** HS 2022 subheadings of what flows along the edge. */
  readonly hs: readonly string[];
  readonly isicSeller: readonly string[];
  readonly isicBuyer: readonly string[];
}

function edge(
  from: string,
  to: string,
  hs: string[],
  isicSeller: string[],
  isicBuyer: string[],
): ValueChainEdge {
  return { from, to, hs, isicSeller, isicBuyer };
}

export const VALUE_CHAIN_EDGES: readonly ValueChainEdge[] = [
  // ev_battery_value_chain_edges.csv
  edge('mining', 'refining', ['253090', '260400', '260500', '260200', '250410', '283620'], ['0729', '0891', '0899'], ['2011', '2420']),
  edge('refining', 'cathode_materials', ['283691', '282520', '282200', '750210'], ['2011', '2420'], ['2011', '2029']),
  edge('refining', 'anode_materials', ['250410', '380110'], ['2011', '2399'], ['2029']),
  edge('cathode_materials', 'cells', ['284290'], ['2029'], ['2720']),
  edge('anode_materials', 'cells', ['380110'], ['2029'], ['2720']),
  edge('other_cell_components', 'cells', [], ['2029', '2420'], ['2720']),
  edge('cells', 'packs', ['850760', '850780'], ['2720'], ['2720', '2930']),
  edge('packs', 'ev_assembly', ['850760', '850780', '850790'], ['2720', '2930'], ['2910', '3091']),
  edge('packs', 'stationary_storage', ['850760', '850780'], ['2720'], ['3510', '4321']),
  edge('ev_assembly', 'sales_fleets', ['870380', '870360', '871160', '870240', '870460'], ['2910', '3091'], ['4510', '4540']),
  edge('grid_power', 'charging', ['850440'], ['3510'], ['3510', '4730']),
  edge('charging', 'ev_users', [], ['3510', '4730'], []),
  edge('ev_users', 'second_life', ['854919'], [], ['2720', '3510']),
  edge('second_life', 'recycling', ['854919', '854911'], [], ['3830', '3822']),
  edge('recycling', 'refining', [], ['3830'], ['2011', '2420']),
  // value_chain_edges_other_sectors.csv
  edge('refining', 'ev_components', ['740811', '740911', '850511'], ['2420'], ['2710', '2930']),
  edge('ev_components', 'ev_assembly', ['850131', '850132', '850152', '850440', '853710', '854442', '870899', '871410'], ['2710', '2930', '2610'], ['2910', '3091']),
  edge('ev_components', 'charging', ['850440', '853690', '854442', '850490'], ['2710', '2733', '2610'], ['2790', '3510', '4730']),
  edge('ev_components', 'agri_machinery', ['850132', '850152'], ['2710'], ['2821']),
  edge('packs', 'agri_machinery', ['850760'], ['2720'], ['2821']),
  edge('packs', 'charging', ['850760'], ['2720'], ['3510', '4730']),
  edge('sales_fleets', 'ev_users', ['870380', '871160', '870240', '870460'], ['4510', '4540'], ['4923']),
  edge('charging', 'sales_fleets', [], ['3510', '4730'], ['4510', '4540', '4923']),
  edge('mining', 'polysilicon', ['250510', '280469'], ['0810', '2420'], ['2011', '2610']),
  edge('basic_chemicals', 'polysilicon', ['281511'], ['2011'], ['2011']),
  edge('polysilicon', 'pv_cells', ['280461', '381800'], ['2011', '2610'], ['2610']),
  edge('pv_cells', 'pv_modules', ['854142'], ['2610'], ['2610']),
  edge('specialty_chemicals', 'pv_modules', ['392010', '392099'], ['2013', '2029'], ['2610']),
  edge('pv_modules', 'solar_epc', ['854143'], ['2610', '4659'], ['4321', '4220', '4659']),
  edge('inverters', 'solar_epc', ['850440'], ['2710'], ['4321', '4220', '4659']),
  edge('inverters', 'stationary_storage', ['850440'], ['2710'], ['3510', '4321']),
  edge('stationary_storage', 'solar_epc', ['850760', '850780'], ['2720', '3510'], ['4321', '4220']),
  edge('stationary_storage', 'grid_power', ['850760'], ['3510', '4321'], ['3510']),
  edge('stationary_storage', 'charging', ['850760'], ['3510', '4321'], ['3510', '4730']),
  edge('solar_epc', 'grid_power', ['854143', '271600'], ['4321', '4220'], ['3510']),
  edge('solar_epc', 'charging', ['854143', '850440'], ['4321', '4220'], ['3510', '4730']),
  edge('solar_epc', 'farming', ['841370', '841381', '854143'], ['4321', '4659'], ['0111', '0112', '0113', '0150']),
  edge('solar_epc', 'agri_processing', ['854143'], ['4321', '4220'], ['1030', '1061', '5210']),
  edge('pv_modules', 'agri_machinery', ['854143'], ['2610'], ['2821']),
  edge('mining', 'basic_chemicals', ['251010', '252010'], ['0891', '0899', '0810'], ['2011', '2012']),
  edge('mining', 'fertilisers', ['251010', '252010', '310420'], ['0891'], ['2012']),
  edge('basic_chemicals', 'refining', ['280700', '281511', '283620'], ['2011'], ['2011', '2420']),
  edge('basic_chemicals', 'specialty_chemicals', ['280700', '281511', '280920', '294200'], ['2011'], ['2029', '2021']),
  edge('basic_chemicals', 'fertilisers', ['281410', '280700', '280920'], ['2011'], ['2012']),
  edge('specialty_chemicals', 'other_cell_components', ['282690', '390469', '382499'], ['2029'], ['2029', '2720']),
  edge('specialty_chemicals', 'cathode_materials', ['390469', '382499'], ['2029'], ['2029']),
  edge('specialty_chemicals', 'agrochemicals', ['293339', '294200'], ['2029', '2011'], ['2021']),
  edge('fertilisers', 'farming', ['310210', '310530', '310520', '310420'], ['2012', '4669'], ['0111', '0112', '0113', '0116', '0150']),
  edge('agrochemicals', 'farming', ['380891', '380892', '380893'], ['2021', '4669'], ['0111', '0112', '0113', '0116', '0150']),
  edge('agri_machinery', 'farming', ['870192', '870193', '843229', '843241', '843351', '842482', '841370'], ['2821', '4653'], ['0111', '0112', '0113', '0116', '0150', '0161']),
  edge('farming', 'agri_processing', ['100630', '100199', '100590', '520100', '080450', '070200', '040120'], ['0111', '0112', '0113', '0116', '0122', '0150'], ['1030', '1061', '1050', '5210']),
  edge('farming', 'agri_trade', ['120740', '100630', '080450', '080510', '520100'], ['0111', '0112', '0122', '0150'], ['4620', '4630']),
  edge('agri_processing', 'agri_trade', ['100630', '080450', '030617'], ['1030', '1061', '1020', '1079'], ['4620', '4630']),
  edge('agri_machinery', 'agri_processing', ['843680', '841869'], ['2825', '2821'], ['1030', '1061', '5210']),
];

const STAGE_IDS = VALUE_CHAIN_STAGES.map((s) => s.id);
const STAGE_NUMBER = new Map(STAGE_IDS.map((id, i) => [id, i]));
export const STAGE_COUNT = STAGE_IDS.length;

/** Dense number of a stage id, for the adjacency table; undefined for unknown ids. */
export function stageNumber(id: string): number | undefined {
  return STAGE_NUMBER.get(id);
}

export function stageIdOf(n: number): string {
  return STAGE_IDS[n] ?? '';
}

/** Edges from one stage to another, in the direction goods flow. */
export function edgesFromTo(from: string, to: string): ValueChainEdge[] {
  return VALUE_CHAIN_EDGES.filter((e) => e.from === from && e.to === to);
}

export function downstreamOf(stage: string): string[] {
  return VALUE_CHAIN_EDGES.filter((e) => e.from === stage).map((e) => e.to);
}

export function upstreamOf(stage: string): string[] {
  return VALUE_CHAIN_EDGES.filter((e) => e.to === stage).map((e) => e.from);
}

/**
 * Closeness of two stages: 1 when one sells to the other, `twoStep` when one sells to a
 * customer of the other's customer (a cathode maker and a pack integrator), `sameStage` on the
 * diagonal, 0 otherwise. Siblings that both sell to the same buyer are not partners.
 */
export function stageCloseness(twoStep: number, sameStage = 0): Float64Array {
  const n = STAGE_COUNT;
  const direct = new Uint8Array(n * n);
  for (const e of VALUE_CHAIN_EDGES) {
    const a = stageNumber(e.from);
    const b = stageNumber(e.to);
    if (a !== undefined && b !== undefined) direct[a * n + b] = 1;
  }
  const closeness = new Float64Array(n * n);
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < n; b += 1) {
      if (a === b) {
        closeness[a * n + b] = sameStage;
        continue;
      }
      if (direct[a * n + b] || direct[b * n + a]) {
        closeness[a * n + b] = 1;
        continue;
      }
      for (let x = 0; x < n; x += 1) {
        if ((direct[a * n + x] && direct[x * n + b]) || (direct[b * n + x] && direct[x * n + a])) {
          closeness[a * n + b] = twoStep;
          break;
        }
      }
    }
  }
  return closeness;
}

/** Stages whose organisations sell goods of this HS code (4 or 6 digits; chapters are too broad). */
export function stagesSelling(hsCode: string): string[] {
  if (hsCode.length < 4) return [];
  const stages = new Set<string>();
  for (const e of VALUE_CHAIN_EDGES) {
    if (e.hs.some((h) => h.startsWith(hsCode) || hsCode.startsWith(h))) stages.add(e.from);
  }
  return [...stages];
}

/** Stages an ISIC Rev.4 class points to, seen from the seller and buyer columns of the edges. */
export function stagesOfIsic(isicCode: string): string[] {
  if (isicCode.length < 4) return [];
  const stages = new Set<string>();
  for (const e of VALUE_CHAIN_EDGES) {
    if (e.isicSeller.includes(isicCode)) stages.add(e.from);
    if (e.isicBuyer.includes(isicCode)) stages.add(e.to);
  }
  return [...stages];
}
