import { makeStyles } from '@fluentui/react-components';

export const useStatisticsChartStyles = makeStyles({
  // The legends would otherwise be capitalised Word By Word.
  legend: { textTransform: 'none' },
});
