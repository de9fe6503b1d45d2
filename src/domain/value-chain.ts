/**
 * Value-chain stages an organisation can occupy. The battery/EV stages are the ones used in
 * reference/ev_battery_value_chain_edges.csv; the solar, chemicals and agriculture stages extend
 * that chain to the event's other sectors (edges in reference/value_chain_edges_other_sectors.csv).
 */
export const SECTORS = ['ev', 'battery', 'charging', 'solar', 'chemicals', 'agriculture'] as const;
export type Sector = (typeof SECTORS)[number];

export interface StageDefinition {
  readonly id: string;
  readonly sector: Sector;
  readonly label: string;
}

export const VALUE_CHAIN_STAGES: readonly StageDefinition[] = [
  { id: 'mining', sector: 'battery', label: 'Mining (lithium, nickel, graphite, phosphate)' },
  { id: 'refining', sector: 'battery', label: 'Refining and conversion (lithium salts, sulphates)' },
  { id: 'cathode_materials', sector: 'battery', label: 'Cathode active materials (LFP, NMC, Na-ion)' },
  { id: 'anode_materials', sector: 'battery', label: 'Anode materials (graphite, hard carbon)' },
  { id: 'other_cell_components', sector: 'battery', label: 'Electrolyte, separators, foils, casings' },
  { id: 'cells', sector: 'battery', label: 'Battery cells' },
  { id: 'packs', sector: 'battery', label: 'Battery packs and BMS' },
  { id: 'ev_components', sector: 'ev', label: 'EV components (motors, controllers, chargers on board)' },
  { id: 'ev_assembly', sector: 'ev', label: 'EV assembly (2/3-wheelers, cars, buses, trucks)' },
  { id: 'sales_fleets', sector: 'ev', label: 'Dealers, fleets and ride-hailing' },
  { id: 'stationary_storage', sector: 'battery', label: 'Stationary storage (BESS) integration' },
  { id: 'grid_power', sector: 'charging', label: 'Grid power and utilities' },
  { id: 'charging', sector: 'charging', label: 'Charge point operation and equipment' },
  { id: 'ev_users', sector: 'ev', label: 'EV users and fleet operators' },
  { id: 'second_life', sector: 'battery', label: 'Second-life batteries' },
  { id: 'recycling', sector: 'battery', label: 'Battery recycling (black mass)' },
  { id: 'polysilicon', sector: 'solar', label: 'Polysilicon and wafers' },
  { id: 'pv_cells', sector: 'solar', label: 'PV cells' },
  { id: 'pv_modules', sector: 'solar', label: 'PV modules' },
  { id: 'inverters', sector: 'solar', label: 'Inverters and power electronics' },
  { id: 'solar_epc', sector: 'solar', label: 'Solar EPC, installers and distributors' },
  { id: 'basic_chemicals', sector: 'chemicals', label: 'Basic chemicals (soda ash, caustic soda, acids)' },
  { id: 'specialty_chemicals', sector: 'chemicals', label: 'Specialty chemicals (electrolyte salts, binders, additives)' },
  { id: 'fertilisers', sector: 'chemicals', label: 'Fertilisers' },
  { id: 'agrochemicals', sector: 'chemicals', label: 'Pesticides and crop protection' },
  { id: 'agri_machinery', sector: 'agriculture', label: 'Agricultural machinery (tractors, implements, solar pumps)' },
  { id: 'farming', sector: 'agriculture', label: 'Farming and growers' },
  { id: 'agri_processing', sector: 'agriculture', label: 'Agri-food processing and cold chain' },
  { id: 'agri_trade', sector: 'agriculture', label: 'Agri-food trade and export' },
];

const STAGE_IDS = new Set(VALUE_CHAIN_STAGES.map((s) => s.id));

export function isValueChainStage(id: string): boolean {
  return STAGE_IDS.has(id);
}

export function stageById(id: string): StageDefinition | undefined {
  return VALUE_CHAIN_STAGES.find((s) => s.id === id);
}
