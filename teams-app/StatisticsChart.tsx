import { VerticalBarChart } from '@fluentui/react-charts';
import type { VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { MonthStatistics } from '../shared/ui/teams/index.ts';
import { useStatisticsChartStyles } from './StatisticsChart.styles.ts';

export interface StatisticsChartProps {
  /** The mailbox's months, oldest first. */
  months: MonthStatistics[];
  /** The target share within the response time, 0–1. */
  target: number;
  /** The month label shown on the x axis, in the UI language. */
  formatMonth: (month: string) => string;
  /** A share formatted as a percentage, in the UI language. */
  formatShare: (share: number | null) => string;
  /** The chart's accessible name. */
  title: string;
  /** The legend text of the bars at or above the target. */
  barLegend: string;
  /** The legend text of the bars below the target. */
  belowLegend: string;
  /** The legend text of the target line. */
  targetLegend: string;
}

/**
 * The share within the response time per month as bars, with the target as a line. Its own module so
 * that the chart package (and d3) is loaded only when the statistics view is opened.
 */
export default function StatisticsChart({ months, target, formatMonth, formatShare, title, barLegend, belowLegend, targetLegend }: StatisticsChartProps) {
  const styles = useStatisticsChartStyles();
  const data: VerticalBarChartDataPoint[] = months.map((month) => {
    const share = month.shareInTime;
    const below = share !== null && share < target;
    return {
      x: formatMonth(month.month),
      // A month with nothing to judge (share null) has no bar; the table shows "–".
      y: share === null ? 0 : Math.round(share * 1000) / 10,
      legend: below ? belowLegend : barLegend,
      color: below ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground,
      barLabel: formatShare(share),
      xAxisCalloutData: formatMonth(month.month),
      yAxisCalloutData: formatShare(share),
      lineData: { y: Math.round(target * 1000) / 10, yAxisCalloutData: formatShare(target) },
    };
  });
  return (
    <VerticalBarChart
      data={data}
      chartTitle={title}
      height={220}
      margins={{ left: 56, right: 16, top: 20, bottom: 35 }}
      legendProps={{ styles: { legend: styles.legend } }}
      yMinValue={0}
      yMaxValue={100}
      yAxisTickFormat={(value: number) => formatShare(value / 100)}
      lineLegendText={targetLegend}
      lineLegendColor={tokens.colorNeutralForeground1}
      maxBarWidth={80}
      barWidth="auto"
      enabledLegendsWrapLines
    />
  );
}
