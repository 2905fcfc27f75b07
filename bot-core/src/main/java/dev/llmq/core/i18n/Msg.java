package dev.llmq.core.i18n;

/**
 * The core's UI strings, in English and Chinese: every text a reply or a renderer on more than one
 * platform shows. Text that only one platform shows (Discord's command descriptions, Slack's App
 * Home, the console's prompts) lives in that adapter. Arguments use {@link String#format}.
 */
public enum Msg implements Text {
    BUTTON_REVEAL("Reveal answer", "显示答案"),
    BUTTON_HINT("Hint", "提示"),
    BUTTON_NEXT_HINT("Next hint", "下一条提示"),
    BUTTON_NEXT("Next question", "下一题"),
    BUTTON_FOLLOW_UP("Follow-up: %s", "追问：%s"),
    // Anki's words, in English and in its zh-CN translation
    BUTTON_AGAIN("Again", "重来"),
    BUTTON_HARD("Hard", "困难"),
    BUTTON_GOOD("Good", "良好"),
    BUTTON_EASY("Easy", "简单"),
    GRADED("%s: this question comes back to you on %s.", "%s：这道题将在 %s再次出现。"),
    GRADING_UNAVAILABLE("Grades are not kept here.", "这里不记录评分。"),
    DIFFICULTY_1("easy", "简单"),
    DIFFICULTY_2("medium", "中等"),
    DIFFICULTY_3("hard", "困难"),
    ANSWER_TITLE("Answer", "参考答案"),
    ANSWER_PRIVATE_NOTE("Only you can see this answer.", "只有你能看到这个答案。"),
    KEY_POINTS("Key points", "要点"),
    SOURCE("Source: %s", "来源：%s"),
    HINT_TITLE("Hint %d of %d", "提示 %d/%d"),
    NO_HINTS("This question has no hints; try revealing the answer.", "这道题没有提示，可以直接查看答案。"),
    NO_MORE_HINTS("That was the last hint.", "提示已经全部给出。"),
    STALE_BUTTON("This question is no longer in the bank. Ask for a new one with /llmq.",
            "这道题已不在题库中。请用 /llmq 重新出题。"),
    BAD_BUTTON("This button is not one of mine, or it is out of date. Try /llmq again.",
            "这个按钮无法识别或已过期，请重新使用 /llmq。"),
    SLOW_DOWN("That is a lot of questions in a minute; take a breath and try again shortly.",
            "一分钟内的操作有点多了，请稍后再试。"),
    UNKNOWN_TOPIC("I don't know the topic \"%s\".", "没有找到主题“%s”。"),
    DID_YOU_MEAN("Did you mean %s?", "你是不是想找 %s？"),
    TOPICS_ARE("Topics: %s", "可选主题：%s"),
    AMBIGUOUS_TOPIC("\"%s\" matches several topics: %s.", "“%s”匹配到多个主题：%s。"),
    NO_QUESTIONS("There are no questions for %s at that difficulty.", "%s 在该难度下没有题目。"),
    TOPICS_TITLE("Topics", "主题列表"),
    TOPICS_FOOTER("Ask with /llmq <topic>, e.g. /llmq %s", "用 /llmq <主题> 出题，例如 /llmq %s"),
    QUESTION_COUNT("%d questions", "%d 题"),
    HELP_TITLE("llmq: LLM interview practice", "llmq：大模型面试练习"),
    HELP_ASK("a question on a topic (any id, alias or name)", "按主题出一道题（主题 id、别名或名称均可）"),
    HELP_RANDOM("a question on a random topic", "随机主题出一道题"),
    HELP_TOPICS("list the topics", "列出所有主题"),
    HELP_HELP("show this help", "显示本帮助"),
    HELP_REVIEW("review your due questions, privately", "私下复习你到期的题目"),
    HELP_SETTINGS("your language, time zone, reminders (settings server: the server's)",
            "你的语言、时区、提醒（settings server：服务器设置）"),
    HELP_STATS("your stats card: mastery by topic, 12 weeks of reviews, what is due",
            "你的学习统计卡：各主题掌握度、近 12 周复习、到期题目"),
    HELP_LEADERBOARD("this week's ranking here (members who opted in)", "本周排行榜（仅限选择加入的成员）"),
    HELP_EXPORT("your misses (or all your cards) as a file for Anki", "把错题（或全部已评分题目）导出为 Anki 文件"),
    HELP_FORGET_ME("delete everything llmq keeps about you", "删除 llmq 保存的所有关于你的数据"),
    HELP_MODIFIERS("options: lang:zh or lang:en, difficulty:1-3, public (reveal the answer to everyone)",
            "选项：lang:zh 或 lang:en，difficulty:1-3，public（公开显示答案）"),
    DAILY_UNAVAILABLE("Daily questions are not available here.", "这里不支持每日一题。"),
    ADMIN_ONLY("Only server admins can change the daily question.", "只有管理员可以设置每日一题。"),
    ADMIN_ONLY_WORKSPACE("Only workspace admins can change the daily question.", "只有工作区管理员可以设置每日一题。"),
    BAD_TIME("The time is HH:MM on a 24-hour clock, e.g. 09:00.", "时间格式为 24 小时制 HH:MM，例如 09:00。"),
    BAD_ZONE("The time zone is an IANA name such as Asia/Shanghai or Europe/Berlin.",
            "时区请使用 IANA 名称，例如 Asia/Shanghai 或 Europe/Berlin。"),
    BAD_WEEKDAYS("Weekdays look like mon-fri, weekends, daily or mon,wed,fri.",
            "星期格式如 mon-fri、weekends、daily 或 mon,wed,fri。"),
    DAILY_USAGE("Usage: /llmq daily set HH:MM Zone/City [days] [topics...] | daily off | daily status | daily now"
            + " (days: daily, weekdays, weekends, mon-fri, mon,wed,fri)",
            "用法：/llmq daily set HH:MM 时区 [星期] [主题...] | daily off | daily status | daily now"
            + "（星期：daily、weekdays、weekends、mon-fri、mon,wed,fri）"),
    DAILY_SET("Daily question set for this channel.", "已为本频道设置每日一题。"),
    DAILY_OFF("Daily question stopped for this channel.", "已关闭本频道的每日一题。"),
    DAILY_NONE("No daily question is set here.", "这里还没有设置每日一题。"),
    DAILY_POSTED("Today's question is posted.", "今天的题目已发布。"),
    DAILY_POSTED_ONE_OFF("Posted one question now. No daily question is set here, so none follows tomorrow: "
            + "/llmq daily set HH:MM Zone/City sets one.",
            "已立即发布一道题。这里没有设置每日一题，所以明天不会继续发布；用 /llmq daily set HH:MM 时区 设置。"),
    DAILY_NONE_SET("No daily question is set here now.", "这里目前没有设置每日一题。"),
    DAILY_FAILED("Could not post the daily question: %s", "每日一题发布失败：%s"),
    DAILY_TITLE("Daily questions", "每日一题"),
    DAILY_TITLE_POST("Daily question · %s", "每日一题 · %s"),
    DAILY_ANSWER_IN_THREAD("Yesterday's answer", "昨日答案"),
    DAILY_ALREADY_POSTED("Today's question was already posted here (%s).", "今天的题目已经在这里发布过了（%s）。"),
    DAILY_RETRYING("Today's question is not posted yet: %s. It will be tried again.", "今天的题目暂未发布：%s。稍后会自动重试。"),
    DAILY_NO_QUESTIONS("The daily question's topics have no questions in the bank.", "每日一题所选主题在题库中没有题目。"),
    ALL_TOPICS("all topics", "全部主题"),
    BAD_OPTION("I don't understand \"%s\". %s", "无法理解“%s”。%s"),
    BAD_LANG("Languages are en and zh.", "支持的语言为 en 和 zh。"),
    BAD_DIFFICULTY("Difficulty is 1, 2 or 3 (easy, medium or hard).", "难度为 1、2 或 3（简单、中等或困难）。"),
    // The messages below name the word themselves ("%s"): they are said without "I don't understand".
    NOT_A_DAY("\"%s\" is not a day: use mon-fri, weekdays, weekends, daily or mon,wed,fri.",
            "“%s”不是星期：请用 mon-fri、weekdays、weekends、daily 或 mon,wed,fri。"),
    MISSING_ZONE("After the time \"%s\", the time zone is missing (e.g. Asia/Shanghai or Europe/London).",
            "时间“%s”之后缺少时区（例如 Asia/Shanghai 或 Europe/London）。"),
    REPEATED_OPTION("\"%s\" is given twice: give each option once.", "“%s”重复了：每个选项只能给一次。"),
    DAILY_TAKES_NO("\"%s\": daily commands take no difficulty and no public; the question's level comes from the deck.",
            "“%s”：每日一题命令不接受 difficulty 或 public 选项。"),
    UNKNOWN_OPTION("\"%s\" is not an option: the options are lang:, difficulty: and public.",
            "“%s”不是可用的选项：可用选项为 lang:、difficulty: 和 public。"),
    DAILY_NEXT("next: %s", "下次：%s"),
    ONLY_LANG("This command takes no option but lang:en or lang:zh.", "该命令只接受 lang:en 或 lang:zh。"),
    EXPORT_USAGE("Export takes misses or all, anki or csv, and lang: e.g. /llmq export all csv.",
            "导出可选 misses（错题）或 all（全部）、anki 或 csv，以及 lang，例如 /llmq export all csv。"),
    STUDY_UNAVAILABLE("Study (grades and reviews) is not available here.", "这里不支持学习功能（评分与复习）。"),
    SETTINGS_USAGE("Your settings: /llmq settings lang:en|zh|auto zone:Asia/Shanghai|auto remind:HH:MM|off "
            + "streaks:on|off leaderboard:on|off",
            "个人设置：/llmq settings lang:en|zh|auto zone:Asia/Shanghai|auto remind:HH:MM|off "
            + "streaks:on|off leaderboard:on|off"),
    SERVER_SETTINGS_USAGE("Server settings (admins): /llmq settings server lang:en|zh|auto public:on|off "
            + "zone:Asia/Shanghai|auto",
            "服务器设置（仅管理员）：/llmq settings server lang:en|zh|auto public:on|off zone:Asia/Shanghai|auto"),
    SETTING_SERVER_ZONE("time zone (the leaderboard's week): %s", "时区（排行榜的一周）：%s"),
    BAD_SETTING_LANG("Languages are en and zh, or auto (follow the platform's language).",
            "语言为 en 或 zh，或 auto（跟随平台语言）。"),
    BAD_REMINDER("A reminder time is HH:MM on a 24-hour clock, e.g. 19:30, or off.",
            "提醒时间为 24 小时制 HH:MM，例如 19:30；或 off 关闭。"),
    BAD_ON_OFF("Use on or off.", "请使用 on 或 off。"),
    ADMIN_ONLY_SETTINGS("Only server admins can change the server's settings.", "只有管理员可以修改服务器设置。"),
    ADMIN_ONLY_SETTINGS_WORKSPACE("Only workspace admins can change the workspace's settings.", "只有工作区管理员可以修改工作区设置。"),
    SETTINGS_SAVED("Saved.", "已保存。"),
    SETTINGS_TITLE("Your settings", "你的设置"),
    SERVER_SETTINGS_TITLE("This server's settings", "本服务器的设置"),
    SETTING_LANG("language: %s", "语言：%s"),
    SETTING_ZONE("time zone: %s", "时区：%s"),
    SETTING_REMIND("daily reminder: %s", "每日提醒：%s"),
    SETTING_STREAKS("streaks: %s", "连续打卡：%s"),
    SETTING_LEADERBOARD("in the weekly leaderboard: %s", "参与每周排行榜：%s"),
    SETTING_PUBLIC("answers revealed to the channel by default: %s", "默认向频道公开答案：%s"),
    SETTING_AUTO_LANG("automatic (follows the platform's language)", "自动（跟随平台语言）"),
    SETTING_AUTO_ZONE("automatic (%s now)", "自动（当前为 %s）"),
    SETTING_NONE("none", "无"),
    SETTING_ON("on", "开"),
    SETTING_OFF("off", "关"),
    LANG_NAME_EN("English", "英文"),
    LANG_NAME_ZH("Chinese", "中文"),
    REVIEW_DUE("Review · %d due", "复习 · %d 题到期"),
    REVIEW_NEW("Review · a new question", "复习 · 新题"),
    REVIEW_DONE("%d reviewed · next due %s: %d", "已复习 %d 题 · 下次到期 %s：%d 题"),
    REVIEW_DONE_EMPTY("%d reviewed · nothing else is scheduled", "已复习 %d 题 · 没有更多安排"),
    REVIEW_NOTHING_DUE("Nothing is due today. Next due %s: %d.", "今天没有到期的题目。下次到期 %s：%d 题。"),
    REVIEW_NO_CARDS("Nothing to review yet: grade an answer (Again, Hard, Good or Easy) and it comes back here on "
            + "the day it is due.", "还没有可复习的题目：在答案下评分（重来、困难、良好或简单），题目会在到期当天出现在这里。"),
    REVIEW_TRY_NEW("New questions from your weakest topics:", "来自你最薄弱主题的新题："),
    BUTTON_NEW("New: %s", "新题：%s"),
    DAY_TOMORROW("tomorrow", "明天"),
    DAY_IN("%s (in %d days)", "%s（%d 天后）"),
    DAY_TOMORROW_ON("%s (tomorrow)", "%s（明天）"),
    FORGET_CONFIRM("This deletes everything llmq keeps about you on %s, in every server: your grades, review log, "
            + "reveals and settings. It cannot be undone.",
            "这将删除 llmq 在 %s 上保存的所有关于你的数据（所有服务器）：评分、复习记录、查看记录和设置。此操作无法撤销。"),
    BUTTON_FORGET("Delete my data", "删除我的数据"),
    REMINDER_DUE("llmq: questions due today: %d.", "llmq：今天到期的题目：%d 道。"),
    BUTTON_REVIEW("Review now", "立即复习"),
    REMINDERS_HERE("(a private message each day with questions due, for your cards in this server)",
            "（每天有到期题目时私信提醒，针对你在本服务器的题目）"),
    FORGOTTEN("Done: %d records about you were deleted.", "已完成：删除了 %d 条关于你的记录。");

    private final String en;
    private final String zh;

    Msg(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    @Override
    public String raw(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    /** Slack calls its spaces workspaces, and Discord servers: the refusals name the one the member knows. */
    public static Msg adminOnly(String platform, boolean settings) {
        boolean workspace = platform.equals("slack");
        if (settings) {
            return workspace ? ADMIN_ONLY_SETTINGS_WORKSPACE : ADMIN_ONLY_SETTINGS;
        }
        return workspace ? ADMIN_ONLY_WORKSPACE : ADMIN_ONLY;
    }

    public static Msg difficulty(int level) {
        switch (level) {
            case 1: return DIFFICULTY_1;
            case 2: return DIFFICULTY_2;
            case 3: return DIFFICULTY_3;
            default: throw new IllegalArgumentException("difficulty " + level);
        }
    }
}
