// The units assumed available when the incident lists none: a typical county-level first response
// (planning assumption; replace with the post's real roster via `resources`). ETAs in minutes.
import type { Resource } from '../contract/incident.js';

export const DEFAULT_ROSTER: readonly Resource[] = [
  { id: 'E1', kind: 'fire_engine', name: 'Engine 1 / 消防车1', etaMin: 8 },
  { id: 'E2', kind: 'fire_engine', name: 'Engine 2 / 消防车2', etaMin: 12 },
  { id: 'E3', kind: 'fire_engine', name: 'Engine 3 / 消防车3', etaMin: 18 },
  { id: 'HM1', kind: 'hazmat_team', name: 'Hazmat 1 / 防化1', etaMin: 20 },
  { id: 'HM2', kind: 'hazmat_team', name: 'Hazmat 2 / 防化2', etaMin: 35 },
  { id: 'A1', kind: 'ambulance', name: 'Ambulance 1 / 救护车1', etaMin: 10 },
  { id: 'A2', kind: 'ambulance', name: 'Ambulance 2 / 救护车2', etaMin: 15 },
  { id: 'A3', kind: 'ambulance', name: 'Ambulance 3 / 救护车3', etaMin: 22 },
  { id: 'P1', kind: 'police', name: 'Police 1 / 警力1', etaMin: 6 },
  { id: 'P2', kind: 'police', name: 'Police 2 / 警力2', etaMin: 10 },
  { id: 'P3', kind: 'police', name: 'Police 3 / 警力3', etaMin: 14 },
  { id: 'R1', kind: 'rescue_team', name: 'Rescue 1 / 救援队1', etaMin: 25 },
  { id: 'R2', kind: 'rescue_team', name: 'Rescue 2 / 救援队2', etaMin: 40 },
  { id: 'B1', kind: 'boat_team', name: 'Boat team 1 / 舟艇队1', etaMin: 40 },
  { id: 'B2', kind: 'boat_team', name: 'Boat team 2 / 舟艇队2', etaMin: 60 },
  { id: 'G1', kind: 'engineering', name: 'Engineering 1 / 工程抢险1', etaMin: 45 },
  { id: 'G2', kind: 'engineering', name: 'Engineering 2 / 工程抢险2', etaMin: 70 },
  { id: 'C1', kind: 'command', name: 'Command 1 / 指挥车', etaMin: 12 },
  { id: 'D1', kind: 'drone', name: 'Drone 1 / 无人机1', etaMin: 15 },
];
