import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { Problem } from './feedback';

/**
 * The problems of a refused file, one line each, by row and column as the spreadsheet numbers
 * them. `summary` says what was refused; without row details the error is shown as it came.
 */
export function RowProblems({ error, summary }: { error: ApiError; summary: string }) {
  const { t } = useTranslation();
  if (!error.rows?.length) return <Problem error={error} />;
  return (
    <div className="problem" role="alert">
      <p>{summary}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {error.rows.map((row, i) => (
              <tr key={i}>
                <td>{row.row}</td>
                <td dir="ltr">{row.column ?? '–'}</td>
                <td lang="en" dir="ltr">
                  {row.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
