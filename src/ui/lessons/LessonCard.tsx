/** One lesson: its explanation, the runs to compare, what to watch for, and the paper it comes from. */
import { configKeys } from '../../core/config';
import { useLab, useLabContext } from '../labContext';
import { type Lesson, type Paper, presetForLab } from './lessons';

function Citation({ paper }: { paper: Paper }) {
  return (
    <li>
      {paper.authors} ({paper.year}). <cite>{paper.title}</cite>. {paper.venue}.
    </li>
  );
}

export function LessonCard({ lesson }: { lesson: Lesson }) {
  const { client } = useLabContext();
  const config = useLab((state) => state.config);
  const loading = useLab((state) => state.status === 'loading');
  const presets = lesson.runs.map((run) => presetForLab(run, config));

  return (
    <article className="lesson" aria-label={lesson.title}>
      <h3>{lesson.title}</h3>
      <p>{lesson.explanation}</p>
      <div className="lesson-runs" role="group" aria-label="Runs of this lesson">
        {lesson.runs.map((run, index) => {
          const preset = presets[index]!;
          // Pressed while the settings are exactly this run's: any change by hand releases it.
          const current = configKeys.every((key) => config[key] === preset[key]);
          return (
            <button key={run.label} type="button" aria-pressed={current} disabled={loading} onClick={() => client.load(preset, { start: true })}>
              {run.label}
            </button>
          );
        })}
      </div>
      <h4>What to watch for</h4>
      <ul>
        {lesson.watchFor.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <strong>What the paper found.</strong> {lesson.finding}
      </p>
      <ul className="lesson-papers" aria-label="Papers">
        {lesson.papers.map((paper) => (
          <Citation key={paper.title} paper={paper} />
        ))}
      </ul>
    </article>
  );
}
