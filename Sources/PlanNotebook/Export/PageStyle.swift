/// The exported page's stylesheet: a readable column, a CJK-friendly type stack, quiet tables and code.
enum PageStyle {
    static let css = """
    :root {
      --ink: #1f2328; --muted: #656d76; --paper: #fdfcf9; --panel: #f5f3ee; --rule: #e3dfd6;
      --accent: #9f2f24; --link: #1f5fa8; --error-ink: #8a1c12; --error-bg: #fdf1ef; --error-rule: #e6b8b1;
      --sans: "Inter", "Segoe UI", -apple-system, BlinkMacSystemFont, "Helvetica Neue", Arial,
              "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
              "WenQuanYi Micro Hei", sans-serif;
      --serif: "Source Serif 4", "Noto Serif", Georgia, "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC",
               "SimSun", serif;
      /* Fonts whose Han glyphs are exactly two ASCII cells come first, so text tables stay aligned. */
      --mono: "Sarasa Mono SC", "Noto Sans Mono CJK SC", "Source Han Mono SC", "JetBrains Mono", "SFMono-Regular",
              Menlo, Consolas, "Noto Sans CJK SC", monospace;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.75 var(--sans);
           font-kerning: normal; text-rendering: optimizeLegibility; }
    main { max-width: 46rem; margin: 0 auto; padding: 3.5rem 1.5rem 5rem; }
    header.page { border-bottom: 1px solid var(--rule); margin-bottom: 2.2rem; padding-bottom: 1.2rem; }
    header.page h1 { margin: 0; }
    header.page .meta { color: var(--muted); font-size: .85rem; margin: .6rem 0 0; }
    header.page .meta span + span::before { content: "·"; margin: 0 .55em; color: var(--rule); }
    header.page .meta code { font-size: .8rem; }
    h1, h2, h3, h4, h5, h6 { font-family: var(--serif); font-weight: 650; line-height: 1.3; letter-spacing: -.005em;
                             margin: 2.2em 0 .6em; }
    h1 { font-size: 2.1rem; margin-top: 0; }
    h2 { font-size: 1.5rem; padding-bottom: .25em; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.2rem; }
    h4, h5, h6 { font-size: 1rem; }
    p, ul, ol, blockquote, .table-wrap, pre { margin: 0 0 1.1rem; }
    ul, ol { padding-left: 1.6rem; }
    li + li { margin-top: .2rem; }
    a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: .18em; }
    strong { font-weight: 650; }
    blockquote { margin-left: 0; padding: .1rem 1.1rem; border-left: 3px solid var(--accent); color: #3d434a;
                 background: var(--panel); border-radius: 0 6px 6px 0; }
    blockquote p { margin: .6rem 0; }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 2.4rem 0; }
    code { font-family: var(--mono); font-size: .86em; background: var(--panel); padding: .1em .35em; border-radius: 4px; }
    pre { font-family: var(--mono); font-size: .82rem; line-height: 1.6; overflow-x: auto; padding: .85rem 1rem;
          border-radius: 8px; background: var(--panel); border: 1px solid var(--rule); tab-size: 4; }
    pre code { background: none; padding: 0; font-size: inherit; border-radius: 0; }
    .cell { margin: 1.6rem 0 2rem; }
    .cell-source { position: relative; }
    .cell-source pre { background: #f1f4f8; border-color: #d9e0ea; border-left: 3px solid var(--link); margin-bottom: .5rem;
                     padding-right: 6rem; }
    .cell-label { position: absolute; right: .7rem; top: .45rem; font: 600 .7rem/1 var(--sans); color: var(--muted);
                  letter-spacing: .06em; text-transform: uppercase; }
    .cell-output pre.output { background: #fff; }
    .cell-output pre.text { white-space: pre-wrap; overflow-wrap: anywhere; }
    /* A run of box-drawing rules takes exactly one ASCII cell per character, as the text table counts it,
       even in fonts that draw them two cells wide. */
    pre .rule { display: inline-block; overflow: hidden; vertical-align: top; white-space: pre; }
    .cell-output pre.error { background: var(--error-bg); border-color: var(--error-rule); color: var(--error-ink);
                             border-left: 3px solid var(--error-ink); }
    .cell-output .not-run { color: var(--muted); font-size: .85rem; font-style: italic; }
    .table-wrap { overflow-x: auto; border: 1px solid var(--rule); border-radius: 8px; background: #fff; }
    table { border-collapse: collapse; width: 100%; font-size: .88rem; line-height: 1.5; }
    th, td { padding: .42rem .8rem; text-align: left; vertical-align: top; border-bottom: 1px solid #eeebe4; }
    thead th { background: var(--panel); font-weight: 650; border-bottom: 1px solid var(--rule); white-space: nowrap; }
    tbody tr:last-child td { border-bottom: 0; }
    tbody tr:nth-child(even) td { background: #fbfaf6; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.null { color: var(--muted); }
    td.short { white-space: nowrap; }
    td.long { min-width: 13em; overflow-wrap: break-word; }
    .row-count { color: var(--muted); font-size: .78rem; margin: -.7rem 0 1rem; text-align: right; }
    figure.chart { margin: 0 0 1.1rem; padding: .8rem .6rem .4rem; background: #fff; border: 1px solid var(--rule);
                   border-radius: 8px; overflow-x: auto; }
    svg.chart { display: block; max-width: 100%; height: auto; margin: 0 auto; font-family: var(--sans); }
    svg .chart-title { font-size: 14px; font-weight: 650; fill: var(--ink); }
    svg .chart-tick, svg .chart-label, svg .chart-legend { font-size: 11.5px; fill: var(--muted); }
    svg .chart-label { fill: #3d434a; }
    svg .chart-value { font-size: 10.5px; fill: #3d434a; font-variant-numeric: tabular-nums; }
    svg .chart-grid { stroke: #ece8df; stroke-width: 1; }
    svg .chart-axis { stroke: #9aa0a6; stroke-width: 1; }
    svg .chart-bar:hover, svg .chart-point:hover { opacity: .8; }
    footer.page { margin-top: 3.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted);
                  font-size: .78rem; }
    @media (prefers-color-scheme: dark) {
      :root { --ink: #e6e3dc; --muted: #9a9890; --paper: #16171a; --panel: #212328; --rule: #34363c;
              --accent: #e07a6b; --link: #7fb0ea; --error-ink: #f1a79c; --error-bg: #2a1c1b; --error-rule: #5c2f2a; }
      .cell-source pre { background: #1c2330; border-color: #2c3645; }
      .cell-output pre.output, .table-wrap, figure.chart { background: #1b1c20; }
      tbody tr:nth-child(even) td { background: #1f2025; }
      th, td { border-bottom-color: #2a2c31; }
      blockquote { color: #cfcac0; }
      svg .chart-label, svg .chart-value { fill: #cfcac0; }
      svg .chart-grid { stroke: #2c2e34; }
    }
    @media (min-width: 1100px) { section.cell { margin-left: -5rem; margin-right: -5rem; } }
    @media (max-width: 600px) { body { font-size: 16px; } main { padding: 2rem 1rem 3rem; } h1 { font-size: 1.7rem; } }
    @media print { body { background: #fff; } main { max-width: none; } pre, .table-wrap, figure.chart { break-inside: avoid; } }
    """
}
