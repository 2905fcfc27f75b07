package dev.llmq.core.i18n;

/**
 * The texts of the study tools that show progress: the stats card (its image and its words), the
 * leaderboard and the export. Kept apart from {@link Msg} so that each enum stays readable.
 */
public enum StudyMsg implements Text {
    STATS_TITLE("llmq · study card", "llmq · 学习统计"),
    STATS_AS_OF("%s · %s", "%s · %s"),
    STATS_MASTERY("Mastery by topic (recall ≥ 90% today)", "各主题掌握度（今日回忆概率 ≥ 90%）"),
    STATS_MASTERY_LINE("%s: %d of %d", "%s：%d / %d"),
    STATS_ACTIVITY("Reviews, last 12 weeks", "近 12 周复习"),
    STATS_ACTIVITY_LINE("%d reviews on %d days", "%d 次复习，共 %d 天"),
    STATS_LESS("less", "少"),
    STATS_MORE("more", "多"),
    STATS_DUE("due today", "今日到期"),
    STATS_WEEK("reviews this week", "本周复习"),
    STATS_STREAK("day streak", "连续打卡天数"),
    STATS_LONGEST("longest %d", "最长 %d 天"),
    STATS_CARDS("questions graded", "已评分题目"),
    STATS_CAPTION("Your study card: %d due today · %d reviews this week.", "你的学习统计：今日到期 %d 题 · 本周复习 %d 次。"),
    STATS_CAPTION_STREAK("Streak: %d days (longest %d).", "连续打卡 %d 天（最长 %d 天）。"),
    STATS_SHARED("A study card from /llmq stats: %d reviews this week.", "来自 /llmq stats 的学习统计：本周复习 %d 次。"),
    STATS_WORDS("Your study card, in words (the image could not be drawn here):",
            "你的学习统计（此处无法生成图片，以下为文字版）："),
    STATS_NEW("Grade an answer (Again, Hard, Good or Easy) and your card fills up from there.",
            "在答案下评分（重来、困难、良好或简单），统计会从这里开始积累。"),
    BUTTON_SHARE("Share", "分享"),
    WEEKDAY_MON("Mon", "一"),
    WEEKDAY_WED("Wed", "三"),
    WEEKDAY_FRI("Fri", "五"),
    MONTH("%1$tb", "%2$d月"),

    LEADERBOARD_TITLE("Leaderboard · week of %s", "排行榜 · %s 起的一周"),
    LEADERBOARD_EMPTY("Nobody is on the board yet this week.", "本周还没有人上榜。"),
    LEADERBOARD_ROW("%d reviews · %d Good or Easy", "复习 %d 次 · 良好或简单 %d 次"),
    LEADERBOARD_FOOTER("The week starts on Monday at 00:00 (%s). One review per question and day counts. Only members "
            + "who opted in appear: /llmq settings leaderboard:on.",
            "每周从周一 00:00（%s）开始。每道题每天只计一次复习。仅显示选择加入的成员：/llmq settings leaderboard:on。"),
    LEADERBOARD_NOT_IN("You are not on it; to join: /llmq settings leaderboard:on.",
            "你不在榜上；如需加入：/llmq settings leaderboard:on。"),

    EXPORT_CAPTION("%d questions (%s) for Anki: File → Import, then choose this file. Importing it again updates the "
            + "same notes instead of adding copies.",
            "%d 道题（%s），可导入 Anki：文件 → 导入，选择此文件。再次导入会更新同一批笔记，不会重复添加。"),
    EXPORT_CSV_CAPTION("%d questions (%s) as CSV: deck, guid, front, back, tags.",
            "%d 道题（%s），CSV 格式：deck、guid、front、back、tags。"),
    EXPORT_MISSES("your misses", "错题"),
    EXPORT_ALL("all your cards", "全部已评分题目"),
    EXPORT_NO_MISSES("No misses to export: none of your cards was last graded Again or Hard. "
            + "/llmq export all exports every card.",
            "没有错题可导出：你最近一次的评分都不是“重来”或“困难”。/llmq export all 可导出全部题目。"),
    EXPORT_NOTHING("Nothing to export yet: grade an answer (Again, Hard, Good or Easy) first.",
            "还没有可导出的题目：请先在答案下评分（重来、困难、良好或简单）。");

    private final String en;
    private final String zh;

    StudyMsg(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    @Override
    public String raw(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
