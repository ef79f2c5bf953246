import Foundation
import PlanCorpus
import PlanQuery

/// Draws bar and line charts as self-contained inline SVG: axes with round ticks, labels, a legend for several series.
public struct SVGChart: Sendable {
    public var width: Double
    public var height: Double
    /// Fill colours of the series, in order.
    public var palette: [String]

    public init(width: Double = 680, height: Double = 340,
                palette: [String] = ["#3b6ea8", "#c8553d", "#2a9d8f", "#e9a03b", "#7b5ea7", "#6c757d"]) {
        self.width = width
        self.height = height
        self.palette = palette
    }

    /// A bar chart of one series.
    public func bar(labels: [String], values: [Double?], title: String? = nil) -> String {
        render(ChartData(kind: .bar, title: title, labels: labels, values: values))
    }

    /// A line chart of one series.
    public func line(labels: [String], values: [Double?], title: String? = nil) -> String {
        render(ChartData(kind: .line, title: title, labels: labels, values: values))
    }

    public func render(_ chart: ChartData) -> String {
        let labels = chart.labels
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        let longestLabel = min(18, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        // Labels turn when the longest would not fit under its bar (about 6 px per display column at 11.5 px).
        let roughSlot = (width - 80) / Double(max(1, labels.count))
        let many = Double(longestLabel) * 6.2 > roughSlot - 8
        let legend = chart.series.count > 1
        let top = (chart.title == nil ? 16.0 : 44.0) + (legend ? 24 : 0)
        let bottom = many ? 20 + Double(longestLabel) * 5.2 : 34
        let scale = AxisScale(values: values)
        let tickWidth = scale.ticks.map { Double(ValueFormatter.number($0).count) * 7.2 }.max() ?? 20
        let left = max(44, tickWidth + 18)
        let right = 16.0
        let plotW = max(10, width - left - right)
        let plotH = max(10, height - top - bottom)
        func y(_ v: Double) -> Double { top + plotH - (v - scale.min) / (scale.max - scale.min) * plotH }

        let label = chart.title ?? "\(chart.kind.rawValue) chart"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-\(chart.kind.rawValue)\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(HTMLEscape.text(label))\">\n"
        svg += "<title>\(HTMLEscape.text(label))</title>\n"
        if let title = chart.title {
            svg += "<text class=\"chart-title\" x=\"\(n(left))\" y=\"24\">\(HTMLEscape.text(title))</text>\n"
        }
        if legend {
            var x = left
            let ly = (chart.title == nil ? 16.0 : 48.0)
            for (s, series) in chart.series.enumerated() {
                svg += "<rect x=\"\(n(x))\" y=\"\(n(ly - 9))\" width=\"10\" height=\"10\" rx=\"2\" fill=\"\(color(s))\"/>"
                svg += "<text class=\"chart-legend\" x=\"\(n(x + 14))\" y=\"\(n(ly))\">\(HTMLEscape.text(series.name))</text>\n"
                x += 28 + Double(DisplayWidth.of(series.name)) * 7
            }
        }
        // Grid lines and tick labels.
        for t in scale.ticks {
            let ty = y(t)
            svg += "<line class=\"chart-grid\" x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(left + plotW))\" y2=\"\(n(ty))\"/>"
            svg += "<text class=\"chart-tick\" x=\"\(n(left - 8))\" y=\"\(n(ty + 4))\" text-anchor=\"end\">\(HTMLEscape.text(ValueFormatter.number(t)))</text>\n"
        }
        let baseline = y(max(scale.min, min(scale.max, 0)))
        svg += "<line class=\"chart-axis\" x1=\"\(n(left))\" y1=\"\(n(baseline))\" x2=\"\(n(left + plotW))\" y2=\"\(n(baseline))\"/>\n"

        let slot = labels.isEmpty ? plotW : plotW / Double(labels.count)
        // Category labels, turned when they would collide.
        for (i, text) in labels.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            let shown = HTMLEscape.text(truncated(text, width: 18))
            if many {
                svg += "<text class=\"chart-label\" x=\"\(n(cx))\" y=\"\(n(top + plotH + 14))\" text-anchor=\"end\" transform=\"rotate(-40 \(n(cx)) \(n(top + plotH + 14)))\">\(shown)</text>\n"
            } else {
                svg += "<text class=\"chart-label\" x=\"\(n(cx))\" y=\"\(n(top + plotH + 20))\" text-anchor=\"middle\">\(shown)</text>\n"
            }
        }
        switch chart.kind {
        case .bar:
            let groups = Double(max(1, chart.series.count))
            let barW = slot * 0.72 / groups
            for (s, series) in chart.series.enumerated() {
                for (i, value) in series.values.enumerated() where i < labels.count {
                    guard let v = value, v.isFinite else { continue }
                    let x = left + slot * Double(i) + slot * 0.14 + barW * Double(s)
                    let y0 = y(v), y1 = baseline
                    let tip = "\(labels[i]): \(ValueFormatter.number(v))"
                    svg += "<rect class=\"chart-bar\" x=\"\(n(x))\" y=\"\(n(min(y0, y1)))\" width=\"\(n(max(1, barW - 2)))\" height=\"\(n(abs(y1 - y0)))\" fill=\"\(color(s))\"><title>\(HTMLEscape.text(tip))</title></rect>"
                    if labels.count * chart.series.count <= 16 {
                        let ty = v >= 0 ? min(y0, y1) - 5 : max(y0, y1) + 13
                        svg += "<text class=\"chart-value\" x=\"\(n(x + barW / 2 - 1))\" y=\"\(n(ty))\" text-anchor=\"middle\">\(HTMLEscape.text(ValueFormatter.number(v)))</text>"
                    }
                    svg += "\n"
                }
            }
        case .line:
            for (s, series) in chart.series.enumerated() {
                var path = ""
                var penDown = false
                for (i, value) in series.values.enumerated() where i < labels.count {
                    guard let v = value, v.isFinite else { penDown = false; continue }
                    let px = left + slot * (Double(i) + 0.5)
                    path += "\(penDown ? "L" : "M")\(n(px)) \(n(y(v))) "
                    penDown = true
                }
                if !path.isEmpty {
                    svg += "<path class=\"chart-line\" d=\"\(path.trimmingSpaces())\" fill=\"none\" stroke=\"\(color(s))\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n"
                }
                for (i, value) in series.values.enumerated() where i < labels.count {
                    guard let v = value, v.isFinite else { continue }
                    let px = left + slot * (Double(i) + 0.5)
                    svg += "<circle class=\"chart-point\" cx=\"\(n(px))\" cy=\"\(n(y(v)))\" r=\"3.5\" fill=\"\(color(s))\"><title>\(HTMLEscape.text("\(labels[i]): \(ValueFormatter.number(v))"))</title></circle>\n"
                }
            }
        }
        svg += "</svg>"
        return svg
    }

    /// A series colour, escaped: the palette comes from the caller and lands in attributes.
    private func color(_ i: Int) -> String { HTMLEscape.text(palette.isEmpty ? "#3b6ea8" : palette[i % palette.count]) }

    private func truncated(_ s: String, width: Int) -> String {
        guard DisplayWidth.of(s) > width else { return s }
        var out = ""
        var w = 0
        for ch in s {
            let cw = DisplayWidth.of(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    /// Coordinates with at most one decimal, so the SVG is stable and small.
    private func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }
}

/// A value axis from round numbers: it always includes zero, and has ticks at 1, 2 or 5 × 10ⁿ steps.
struct AxisScale {
    let min: Double
    let max: Double
    let ticks: [Double]

    init(values: [Double], targetTicks: Int = 5) {
        var lo = Swift.min(0, values.min() ?? 0)
        var hi = Swift.max(0, values.max() ?? 1)
        if lo == hi { hi = lo + 1 }
        let step = Self.niceStep((hi - lo) / Double(targetTicks))
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        var ticks: [Double] = []
        var t = lo
        while t <= hi + step / 2 {
            ticks.append(abs(t) < step / 1e6 ? 0 : t)
            t += step
        }
        self.min = lo
        self.max = hi
        self.ticks = ticks
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let exponent = (log10(raw)).rounded(.down)
        let base = pow(10, exponent)
        let fraction = raw / base
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * base
    }
}
