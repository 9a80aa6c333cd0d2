import type { Platform } from '../../platform/platform.ts';
import type { Module } from '../index.ts';
import { libraryServices } from '../library/library.module.ts';
import { OrgService } from '../org/org.service.ts';
import { LessonPlanSender } from './lesson-plan-send.service.ts';
import { lessonPlansRoutes } from './lesson-plans.routes.ts';
import { LessonPlansService } from './lesson-plans.service.ts';

export interface LessonPlansServices {
  plans: LessonPlansService;
  sender: LessonPlanSender;
}

const made = new WeakMap<Platform, LessonPlansServices>();

/** The lesson-plan services of a platform, made once (routes and the demo loader share them). */
export function lessonPlansServices(platform: Platform): LessonPlansServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const library = libraryServices(platform);
  const plans = new LessonPlansService(platform, library, new OrgService(platform));
  const services = { plans, sender: new LessonPlanSender(platform, plans, library) };
  made.set(platform, services);
  return services;
}

/** Lesson plans (kế hoạch bài dạy) per Công văn 5512/BGDĐT-GDTrH, on top of the learning library. */
export const lessonPlansModule: Module = {
  name: 'lesson-plans',
  register(app, platform) {
    lessonPlansRoutes(app, lessonPlansServices(platform));
  },
};
