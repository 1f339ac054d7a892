/**
 * The rule engine: judgements written as data (Drools DRL under {@code rules/}), read from disk at
 * run time, never packaged, so a team edits a rule and the next audit applies it.
 *
 * <p><b>A rule file.</b> One rule per {@code .drl} file, named as its claim ({@code
 * MissingValuesAboveThreshold.drl}); the rule's name is its id and the claim, a sentence that is
 * true when it fires ({@code "DV-001 Column has too many missing values"}). The folder holding it
 * gives the id prefix and the DRL package, as {@code rules/catalog.json} lists them ({@link
 * org.prodml.rules.RuleCatalog}). A rule imports only fact classes ({@code org.prodml.facts}): it
 * judges facts; it does not compute, read files or call the engine.
 *
 * <p><b>Its metadata</b> says everything about the finding, so the action need not: {@code @id},
 * {@code @severity} ({@link org.prodml.rules.Severity}; CRITICAL fails an audit), {@code @topic}
 * (the course topic, {@link org.prodml.rules.Topic}), {@code @stage} (the pipeline stage, {@link
 * org.prodml.rules.Stage}), {@code @explanation} and {@code @remedy} (templates); optional
 * {@code @thresholds("name=default, …")} and {@code @course}. It is read into a {@link
 * org.prodml.rules.RuleMetadata}; a missing key or an unknown value is a compile error naming the
 * rule's file and line.
 *
 * <p><b>Facts in, evidence out, findings made.</b> Profiling, comparison, training and serving turn
 * data into immutable fact records. A run inserts them into a fresh session together with one
 * {@code Threshold} fact per declared limit (its default, or an audit's override, so a limit
 * changes without editing the rule). A rule's action only inserts evidence, {@code
 * insert(Evidence.of(subject, "key", value, …))}: the values it saw and the limit it compared them
 * to. The engine makes each evidence a {@link org.prodml.rules.Finding} from the rule's metadata,
 * filling {@code {subject}}, {@code {key}} and {@code {key:%}} in the templates ({@link
 * org.prodml.rules.Messages}); other facts a rule inserts (scores, verdicts) are kept as derived
 * facts. The run's result is a {@link org.prodml.rules.Judgement}.
 *
 * <p><b>Cases.</b> Beside each rule, {@code <SameName>.cases.json} holds worked examples: facts on
 * which it must fire and facts on which it must stay quiet, just above and just below each
 * threshold. {@link org.prodml.rules.RuleCases} runs each against that rule alone, so a case proves
 * what that one rule does; the tests run every case precompiled and compiled at run time.
 *
 * <p><b>Lint.</b> {@link org.prodml.rules.RuleLint} keeps the folders to the convention (names, ids
 * and prefixes, imports, thresholds declared and read, placeholders the evidence fills, a cases
 * file for every rule) and compiles them all together, as an audit does. Its problems, like compile
 * errors, read {@code file:line: message}.
 *
 * <p><b>A sandbox, then limits.</b> A rule comes from people who may be careless or hostile (a
 * learner's paragraph in a shared Zeppelin, a {@code --rules} folder): before Drools compiles a
 * line of it, {@link org.prodml.rules.RuleSandbox} reads it into Drools' descriptor tree and
 * refuses anything but reading facts and inserting evidence (no JVM calls, no code of its own), at
 * its line. Each run is then held to {@link org.prodml.rules.EvaluationLimits} (firings and
 * wall-clock time) and stops on cancel; a run past a limit is a {@link
 * org.prodml.rules.RuleRunException} naming the rule, never a hang. Threshold values are checked as
 * they are declared and overridden ({@link org.prodml.rules.Thresholds}).
 *
 * <p><b>Precompiled, still data.</b> The build compiles the shipped {@code rules/} into Drools'
 * executable model ({@link org.prodml.rules.RulePrecompiler}: Java classes in the jar, and the
 * SHA-256 of each DRL file they came from). A run hashes the DRL it reads, loads the files with a
 * known digest from those classes ({@link org.prodml.rules.PrecompiledRules}) and compiles only the
 * others (an edited file, another rules folder, a notebook paragraph) into the same Drools base. So
 * a rule edited on disk applies at the next run without a rebuild, and the catalog is ready in a
 * fraction of a second instead of a cold compile of several.
 *
 * <p><b>The classes.</b> {@link org.prodml.rules.RuleBase} is what callers use: compile, then
 * evaluate. Behind it, {@link org.prodml.rules.RuleCompiler} checks the sources with the sandbox
 * and builds them with Drools (in the background, cached per version of the sources), {@link
 * org.prodml.rules.RuleMetadataReader} reads the metadata and {@link
 * org.prodml.rules.RuleEvaluator} runs the sessions. {@link org.prodml.rules.RuleFiles} finds the
 * rule files on disk; {@link org.prodml.rules.RulesReadme} writes {@code rules/README.md} from the
 * catalog.
 */
package org.prodml.rules;
