// Default population density when the commander states none: mainland China's average,
// 1,411.78 M people (Seventh National Population Census, NBS 2021) over 9.6 M km² ≈ 147 per km².
export const DEFAULT_POPULATION_DENSITY_PER_KM2 = 147;
