/** One lesson: its explanation, the runs to compare, what to watch for, and the paper it comes from. */
import { configKeys } from '../../core/config';
import { MAX_RUNS } from '../../core/urlCodec';
import { lessonText } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { usePageController } from '../page/pageControllerContext';
import { type Lesson, type Paper, lessonConfigs, presetForLab } from './lessons';

function Citation({ paper }: { paper: Paper }) {
  return (
    // Papers are cited as published, in English.
    <li lang="en">
      {paper.authors} ({paper.year}). <cite>{paper.title}</cite>. {paper.venue}.
    </li>
  );
}

/** What a lesson says to watch for, what the paper found and the papers: beside its runs, alone or side by side. */
export function LessonNotes({ lesson }: { lesson: Lesson }) {
  const m = useMessages();
  const text = lessonText(lesson);
  return (
    <>
      <h4>{m.lessons.watchFor}</h4>
      <ul>
        {text.watchFor.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <strong>{m.lessons.finding}</strong> {text.finding}
      </p>
      <ul className="lesson-papers" aria-label={m.lessons.papers}>
        {lesson.papers.map((paper) => (
          <Citation key={paper.title} paper={paper} />
        ))}
      </ul>
    </>
  );
}

/** Whether a lesson's runs fit side by side in compare mode. */
function fitsSideBySide(lesson: Lesson): boolean {
  return lesson.runs.length >= 2 && lesson.runs.length <= MAX_RUNS;
}

export function LessonCard({ lesson }: { lesson: Lesson }) {
  const m = useMessages();
  const text = lessonText(lesson);
  const { client } = useLabContext();
  const pages = usePageController();
  const config = useLab((state) => state.config);
  const loading = useLab((state) => state.status === 'loading');
  const presets = lesson.runs.map((run) => presetForLab(run, config));

  return (
    <article className="lesson" aria-label={text.title}>
      <h3>{text.title}</h3>
      <p>{text.explanation}</p>
      <div className="lesson-runs" role="group" aria-label={m.lessons.runs}>
        {lesson.runs.map((run, index) => {
          const preset = presets[index]!;
          // Pressed while the settings are exactly this run's: any change by hand releases it.
          const current = configKeys.every((key) => config[key] === preset[key]);
          return (
            <button key={run.label} type="button" aria-pressed={current} disabled={loading} onClick={() => client.load(preset, { start: true })}>
              {text.runs[index]}
            </button>
          );
        })}
        {fitsSideBySide(lesson) ? (
          <button type="button" className="lesson-side-by-side" onClick={() => pages.openLesson(lesson.id, lessonConfigs(lesson, config), true)}>
            {m.lessons.sideBySide({ runs: lesson.runs.length })}
          </button>
        ) : null}
      </div>
      <LessonNotes lesson={lesson} />
    </article>
  );
}
