import Foundation

/// Draws from the hypergeometric distribution: successes among `draws` taken without
/// replacement from `population` items of which `successes` are marked.
///
/// Inversion by chop-down search outward from the mode: the probability at the mode comes from
/// lgamma, its neighbours from the ratio of successive probabilities, so nothing underflows
/// for large populations. Cost is O(spread of the distribution) per draw, which for the cells
/// of a sparse table is a handful of steps.
enum Hypergeometric {
    static func draw(population: Int, successes: Int, draws: Int, using generator: inout SeededGenerator) -> Int {
        let low = max(0, draws - (population - successes))
        let high = min(draws, successes)
        guard high > low else { return low }
        let mode = min(high, max(low, Int((Double(draws + 1) * Double(successes + 1) / Double(population + 2)).rounded(.down))))
        let modeProbability = exp(logProbability(mode, population: population, successes: successes, draws: draws))
        var u = generator.unit()
        u -= modeProbability
        if u <= 0 { return mode }
        // P(k + 1) / P(k) = (K − k)(n − k) / ((k + 1)(N − K − n + k + 1)).
        var down = mode, up = mode
        var downProbability = modeProbability, upProbability = modeProbability
        while down > low || up < high {
            if up < high {
                let k = Double(up)
                upProbability *= (Double(successes) - k) * (Double(draws) - k)
                    / ((k + 1) * (Double(population - successes - draws) + k + 1))
                up += 1
                u -= upProbability
                if u <= 0 { return up }
            }
            if down > low {
                let k = Double(down)
                // P(k − 1) / P(k) = k (N − K − n + k) / ((K − k + 1)(n − k + 1)).
                downProbability *= k * (Double(population - successes - draws) + k)
                    / ((Double(successes) - k + 1) * (Double(draws) - k + 1))
                down -= 1
                u -= downProbability
                if u <= 0 { return down }
            }
        }
        // Rounding left a sliver of probability unassigned: give it to the mode.
        return mode
    }

    private static func logProbability(_ k: Int, population: Int, successes: Int, draws: Int) -> Double {
        logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws)
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
