/// Data for a chart cell: category labels and one or more series of values over them.
public struct ChartData: Sendable, Hashable {
    /// The kind of chart to draw.
    public enum Kind: String, Sendable, Hashable {
        case bar, line
    }

    /// One named run of values, one per label (nil where missing).
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double?]
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var kind: Kind
    public var title: String?
    public var labels: [String]
    public var series: [Series]

    public init(kind: Kind, title: String? = nil, labels: [String], series: [Series]) {
        self.kind = kind
        self.title = title
        self.labels = labels
        self.series = series
    }

    /// A single-series chart.
    public init(kind: Kind, title: String? = nil, labels: [String], values: [Double?], seriesName: String = "") {
        self.init(kind: kind, title: title, labels: labels, series: [Series(name: seriesName, values: values)])
    }
}
