/**
 * The lessons: a list of guided experiments. Opening one loads its first run (paused) and shows its
 * text; its run buttons load the contrasting presets and train them from step 0. A lesson whose runs only make
 * sense next to each other opens them side by side instead (compare mode, its text above them).
 */
import { useId, useState } from 'react';
import { useLab, useLabContext } from '../labContext';
import { lessonText } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { usePageController } from '../page/pageControllerContext';
import { LessonCard } from './LessonCard';
import { type Lesson, lessonConfigs, lessons, presetForLab } from './lessons';

export function LessonsPanel() {
  const m = useMessages();
  const { client, store } = useLabContext();
  const loading = useLab((state) => state.status === 'loading');
  const [openId, setOpenId] = useState<string | null>(null);
  const headingId = useId();
  const openLesson = lessons.find((lesson) => lesson.id === openId);

  const pages = usePageController();
  const open = (lesson: Lesson): void => {
    if (lesson.sideBySide) {
      pages.openLesson(lesson.id, lessonConfigs(lesson, store.getState().config), false);
      return;
    }
    setOpenId(lesson.id);
    client.load(presetForLab(lesson.runs[0]!, store.getState().config), { start: false });
  };

  return (
    <details className="panel lessons-panel">
      <summary>
        <h2 id={headingId}>{m.lessons.heading}</h2>
      </summary>
      <p className="panel-note">{m.lessons.note}</p>
      <ul className="lesson-list" aria-labelledby={headingId}>
        {lessons.map((lesson) => (
          <li key={lesson.id}>
            <button type="button" aria-current={lesson.id === openId ? 'true' : undefined} disabled={loading} onClick={() => open(lesson)}>
              {lessonText(lesson).title}
            </button>
          </li>
        ))}
      </ul>
      {openLesson ? <LessonCard lesson={openLesson} /> : null}
    </details>
  );
}
