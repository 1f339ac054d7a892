package org.prodml.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.prodml.facts.Evidence;

/**
 * The rule sandbox: every DRL source is parsed into Drools' descriptor tree, and each condition and
 * action into a syntax tree, and refused unless it stays inside the subset below — before Drools
 * compiles (or runs) anything of it. A rule judges facts: it reads them and reports. It cannot call
 * into the JVM (run a command, read a file, end the process), because the only names it may call
 * are fact accessors and a short list of pure helpers, and it cannot define code of its own
 * (functions, globals, declared types, inline accumulate code, {@code eval}, {@code from} an
 * expression). Drools would otherwise run such code while compiling (metadata values are evaluated
 * by MVEL) or on every evaluation.
 *
 * <p>This is a step of its own, ahead of any compile route (the classic DRL compiler today, an
 * executable model tomorrow), so it applies whichever route builds the rules. Refusals read {@code
 * origin:line: what is refused and why}, with the allowed subset ({@link #ALLOWED}).
 */
final class RuleSandbox {
  /** The allowed subset in a sentence: every refusal ends with it; rules/README.md details it. */
  static final String ALLOWED =
      "a rule may import only org.prodml.facts classes; match fact patterns (and, or, not, exists,"
          + " forall, from accumulate with count, sum, average, min, max, collectList or"
          + " collectSet, from $fact.accessor()); read fact accessors and call Math, Double, String, Number and collection"
          + " helpers in its conditions; and in its action only declare values and insert(...)"
          + " evidence or facts (rules/README.md, \"What a rule may do\")";

  static final String FACTS_PACKAGE = "org.prodml.facts.";

  /** Accumulate functions built into Drools that only fold the matched values. */
  static final Set<String> ACCUMULATE_FUNCTIONS =
      Set.of("count", "sum", "average", "min", "max", "collectList", "collectSet");

  /**
   * Constraint operators that compare values; temporal and regular-expression operators are out.
   */
  static final Set<String> OPERATORS = Set.of("contains", "memberOf", "in");

  /** Every operator Drools parses, so a refused one is named rather than a parse error. */
  private static final List<String> KNOWN_OPERATORS =
      List.of(
          "contains",
          "memberOf",
          "matches",
          "soundslike",
          "excludes",
          "str",
          "after",
          "before",
          "coincides",
          "during",
          "finishes",
          "finishedby",
          "includes",
          "meets",
          "metby",
          "overlaps",
          "overlappedby",
          "starts",
          "startedby");

  /**
   * Pure static helpers of the JDK a rule may call, by class: arithmetic and number tests. Each
   * returns a value computed from its arguments alone.
   */
  static final Map<String, Set<String>> STATIC_HELPERS =
      Map.of(
          "Math",
          Set.of(
              "abs", "min", "max", "round", "floor", "ceil", "sqrt", "log", "log10", "exp",
              "signum", "hypot", "pow"),
          "Double",
          Set.of("isNaN", "isFinite", "isInfinite", "compare", "valueOf"),
          "Integer",
          Set.of("compare", "valueOf"),
          "Long",
          Set.of("compare", "valueOf"),
          "String",
          Set.of("valueOf", "join"));

  /** Constants of the JDK a rule may read. */
  static final Map<String, Set<String>> STATIC_CONSTANTS =
      Map.of(
          "Double",
          Set.of("NaN", "POSITIVE_INFINITY", "NEGATIVE_INFINITY", "MAX_VALUE", "MIN_VALUE"),
          "Integer",
          Set.of("MAX_VALUE", "MIN_VALUE"),
          "Long",
          Set.of("MAX_VALUE", "MIN_VALUE"));

  /**
   * Methods of values a fact holds (strings, numbers, lists, sets and maps) that only read them; a
   * rule may call these, and the fact classes' own public methods, on any value.
   */
  static final Set<String> VALUE_METHODS =
      Set.of(
          "equals",
          "compareTo",
          "hashCode",
          "toString", // every value
          "intValue",
          "longValue",
          "doubleValue", // numbers
          "startsWith",
          "endsWith",
          "contains",
          "equalsIgnoreCase",
          "isEmpty",
          "isBlank",
          "length",
          "toLowerCase",
          "toUpperCase",
          "strip",
          "trim",
          "substring",
          "indexOf",
          "charAt", // strings
          "size",
          "containsAll",
          "get",
          "containsKey",
          "getOrDefault"); // collections and maps

  /**
   * Types a rule may match besides the facts: what {@code from accumulate} yields, and the values
   * of a fact's lists ({@code from $fact.values()}).
   */
  static final Set<String> RESULT_TYPES = Set.of("Number", "Object", "String");

  /** Rule attributes that only order or restrict firing, with literal values. */
  static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active");

  private static final Pattern UNICODE_ESCAPE = Pattern.compile("(\\\\+)u+[0-9A-Fa-f]{4}");
  private static final Pattern LITERAL =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false");
  private static final Pattern METADATA_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

  private final String origin;
  private final List<String> problems = new ArrayList<>();
  private String text = "";

  // Parsers are costly to make and cheap to reuse: one of each per check, never shared by threads.
  private final MvelParser constraintParser = new MvelParser();
  private final org.drools.mvel.parser.ParseStart<DrlxExpression> constraintStart =
      DrlxParser.buildDrlxParserWithArguments(KNOWN_OPERATORS);
  private final JavaParser actionParser =
      new JavaParser(
          new ParserConfiguration()
              .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
              .setPreprocessUnicodeEscapes(false));

  /** The fact classes the source imports, by simple name. */
  private final Map<String, Class<?>> facts = new HashMap<>();

  /** Method names a rule may call on a value: the facts' methods and {@link #VALUE_METHODS}. */
  private final Set<String> members = new HashSet<>(VALUE_METHODS);

  private RuleSandbox(String origin) {
    this.origin = origin;
  }

  /**
   * Checks every source.
   *
   * @throws RuleCompileException listing each refusal as {@code origin:line: message}
   */
  static void check(List<RuleSource> sources) {
    List<String> problems = new ArrayList<>();
    for (RuleSource source : sources) {
      problems.addAll(problems(source));
    }
    if (!problems.isEmpty()) {
      throw new RuleCompileException(problems);
    }
  }

  /** The refusals of one source, each {@code origin:line: message}; empty when it may compile. */
  static List<String> problems(RuleSource source) {
    RuleSandbox sandbox = new RuleSandbox(source.origin());
    sandbox.checkSource(source.text());
    return sandbox.problems;
  }

  private void checkSource(String text) {
    // Java reads \\u0022 as a quote before it parses (so would the compiler of a "java" dialect
    // action): a string that looks inert here could close early there. A rule writes characters.
    Matcher escape = UNICODE_ESCAPE.matcher(text);
    while (escape.find()) {
      if (escape.group(1).length() % 2 == 1) {
        refuse(
            lineAt(text, escape.start()),
            "the unicode escape "
                + escape.group().substring(escape.group(1).length() - 1)
                + " is not allowed; write the character itself");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    DrlParser parser = new DrlParser();
    PackageDescr drl;
    try {
      drl = parser.parse(false, text);
    } catch (DroolsParserException e) {
      refuse(0, "cannot be read as DRL: " + e.getMessage());
      return;
    }
    if (parser.hasErrors() || drl == null) {
      for (DroolsError error : parser.getErrors()) {
        int line = error instanceof ParserError p ? p.getRow() : 0;
        problems.add(origin + ":" + Math.max(line, 0) + ": " + flat(error.getMessage()));
      }
      if (problems.isEmpty()) {
        refuse(0, "cannot be read as DRL");
      }
      return;
    }
    this.text = text;
    checkPackage(drl);
  }

  private void checkPackage(PackageDescr drl) {
    for (ImportDescr imported : drl.getImports()) {
      checkImport(imported);
    }
    drl.getFunctionImports()
        .forEach(
            d ->
                refuse(d.getLine(), "import function/static " + d.getTarget() + " is not allowed"));
    drl.getAccumulateImports()
        .forEach(
            d -> refuse(d.getLine(), "import accumulate " + d.getTarget() + " is not allowed"));
    drl.getGlobals()
        .forEach(
            d ->
                refuse(
                    d.getLine(),
                    "global "
                        + d.getIdentifier()
                        + " is not allowed: a rule reads facts, never shared objects"));
    drl.getFunctions()
        .forEach(
            d ->
                refuse(
                    d.getLine(),
                    "function " + d.getName() + " is not allowed: a rule declares no code"));
    drl.getTypeDeclarations()
        .forEach(
            d ->
                refuse(
                    d.getLine(),
                    "declare "
                        + d.getTypeName()
                        + " is not allowed: facts are the records of org.prodml.facts"));
    drl.getEnumDeclarations()
        .forEach(d -> refuse(d.getLine(), "declare enum " + d.getTypeName() + " is not allowed"));
    drl.getEntryPointDeclarations()
        .forEach(d -> refuse(d.getLine(), "declare entry-point is not allowed"));
    drl.getWindowDeclarations().forEach(d -> refuse(d.getLine(), "declare window is not allowed"));
    if (drl.getUnit() != null) {
      refuse(drl.getUnit().getLine(), "unit is not allowed");
    }
    drl.getAttributes().forEach(this::checkAttribute);
    for (RuleDescr rule : drl.getRules()) {
      checkRule(rule);
    }
  }

  private void checkImport(ImportDescr imported) {
    String target = imported.getTarget();
    if (target.equals(FACTS_PACKAGE + "*")) {
      importFactsOnDemand();
      return;
    }
    if (!target.startsWith(FACTS_PACKAGE) || target.endsWith(".*")) {
      refuse(
          imported.getLine(),
          "import "
              + target
              + " is not allowed: a rule imports the fact classes of org.prodml.facts (by name,"
              + " or all with org.prodml.facts.*)");
      return;
    }
    Class<?> type = factClass(target);
    if (type == null) {
      refuse(imported.getLine(), "import " + target + ": no such fact class");
      return;
    }
    importFact(type);
  }

  /**
   * {@code import org.prodml.facts.*}: as in Java, an import on demand, so every capitalised name
   * the source uses that is a class of the facts package counts as imported by name.
   */
  private void importFactsOnDemand() {
    java.util.regex.Matcher names =
        java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b").matcher(text);
    Set<String> seen = new HashSet<>();
    while (names.find()) {
      String name = names.group();
      if (seen.add(name) && !facts.containsKey(name)) {
        Class<?> type = factClass(FACTS_PACKAGE + name);
        if (type != null) {
          importFact(type);
        }
      }
    }
  }

  private static Class<?> factClass(String name) {
    try {
      return Class.forName(name, false, RuleSandbox.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private void importFact(Class<?> type) {
    facts.put(type.getSimpleName(), type);
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()) {
        members.add(m.getName());
      }
    }
  }

  private void checkAttribute(AttributeDescr attribute) {
    String name = attribute.getName();
    if (!ATTRIBUTES.contains(name)) {
      refuse(
          attribute.getLine(),
          "the attribute "
              + name
              + " is not allowed (only "
              + String.join(", ", new TreeSet<>(ATTRIBUTES))
              + ")");
      return;
    }
    String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
    boolean literal =
        name.equals("salience")
            ? value.matches("-?\\d+")
            : value.isEmpty() || value.matches("true|false");
    if (!literal) {
      refuse(
          attribute.getLine(),
          "the attribute " + name + " takes a literal value, not '" + value + "'");
    }
  }

  private void checkRule(RuleDescr rule) {
    String what = rule.isQuery() ? "query " : "rule ";
    if (rule.isQuery()) {
      refuse(rule.getLine(), "query " + rule.getName() + " is not allowed: write rules");
      return;
    }
    rule.getAttributes().values().forEach(this::checkAttribute);
    for (AnnotationDescr annotation : rule.getAnnotations()) {
      checkMetadata(annotation, lineOfText("@" + annotation.getName(), rule.getLine()));
    }
    if (!rule.getNamedConsequences().isEmpty()) {
      refuse(
          rule.getLine(),
          what + "\"" + rule.getName() + "\": named consequences (then[...]) are not allowed");
    }
    Scope scope = new Scope();
    if (rule.getLhs() != null) {
      checkCondition(rule.getLhs(), scope);
    }
    Object consequence = rule.getConsequence();
    if (consequence != null && !consequence.toString().isBlank()) {
      checkAction(consequence.toString(), actionLine(rule.getConsequenceLine()), scope);
    }
  }

  /** Metadata values are evaluated by MVEL when Drools compiles: only literals are allowed. */
  private void checkMetadata(AnnotationDescr annotation, int line) {
    if (!METADATA_NAME.matcher(annotation.getName()).matches()) {
      refuse(
          line,
          "metadata @"
              + annotation.getName()
              + " is not allowed: metadata names are lower-case words (@id, @severity …)");
      return;
    }
    for (Object value : annotation.getValueMap().values()) {
      for (Object item : value instanceof Object[] array ? array : new Object[] {value}) {
        String text = String.valueOf(item).strip();
        if (!LITERAL.matcher(text).matches()) {
          refuse(
              line,
              "metadata @"
                  + annotation.getName()
                  + " must be a quoted string or a number, not "
                  + abbreviate(text));
        }
      }
    }
  }

  // ---- conditions ----

  /**
   * The names a rule's conditions bind ({@code $x}), visible to later conditions and the action.
   */
  private static final class Scope {
    final Set<String> locals = new HashSet<>();
  }

  private void checkCondition(BaseDescr descr, Scope scope) {
    if (descr instanceof AndDescr
        || descr instanceof OrDescr
        || descr instanceof NotDescr
        || descr instanceof ExistsDescr
        || descr instanceof ForallDescr) {
      for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
        checkCondition((BaseDescr) child, scope);
      }
    } else if (descr instanceof PatternDescr pattern) {
      checkPattern(pattern, scope);
    } else if (descr instanceof EvalDescr) {
      refuse(
          descr.getLine(), "eval(...) is not allowed: write the test as a constraint of a pattern");
    } else if (descr instanceof ConditionalBranchDescr || descr instanceof NamedConsequenceDescr) {
      refuse(descr.getLine(), "if/do[...] branches are not allowed");
    } else {
      refuse(descr.getLine(), describe(descr) + " is not allowed");
    }
  }

  private void checkPattern(PatternDescr pattern, Scope scope) {
    String type = pattern.getObjectType();
    if (pattern.isQuery()) {
      refuse(pattern.getLine(), "calling the query " + type + " is not allowed");
    } else if (type == null
        || !(facts.containsKey(type) || RESULT_TYPES.contains(type) || isImportedFactName(type))) {
      refuse(
          pattern.getLine(),
          "the pattern "
              + type
              + "(...) is not allowed: match a fact class the rule imports from org.prodml.facts,"
              + " or Number, Object or String from accumulate or from a fact's values");
    } else if (type.equals(Evidence.class.getSimpleName())
        || type.equals(Evidence.class.getName())) {
      refuse(
          pattern.getLine(),
          "the pattern Evidence(...) is not allowed: evidence is what rules report, not a fact to judge");
    }
    if (!pattern.getBehaviors().isEmpty()) {
      refuse(pattern.getLine(), "over window:... is not allowed");
    }
    if (pattern.getIdentifier() != null) {
      scope.locals.add(pattern.getIdentifier());
    }
    if (pattern.getSource() != null) {
      BaseDescr source = pattern.getSource();
      int sourceLine = source.getLine() > 0 ? source.getLine() : pattern.getLine();
      if (source.getClass() == AccumulateDescr.class) {
        checkAccumulate((AccumulateDescr) source, scope);
      } else if (source instanceof FromDescr from) {
        checkFrom(from.getExpression(), sourceLine, scope);
      } else if (source instanceof CollectDescr) {
        refuse(
            sourceLine,
            "from collect(...) is not allowed: use from accumulate(..., collectList(...))");
      } else if (source instanceof EntryPointDescr) {
        refuse(sourceLine, "from entry-point is not allowed");
      } else {
        refuse(sourceLine, describe(source) + " is not allowed as a pattern's source");
      }
    }
    for (BaseDescr constraint : pattern.getDescrs()) {
      if (constraint instanceof ExprConstraintDescr expression) {
        checkConstraint(expression.getExpression(), lineOf(expression, pattern), scope);
      } else {
        refuse(constraint.getLine(), describe(constraint) + " is not allowed in a pattern");
      }
    }
  }

  /**
   * {@code from $fact.accessor()}: the values a bound fact holds, one match each; any other
   * expression is refused.
   */
  private void checkFrom(String expression, int line, Scope scope) {
    ParseResult<DrlxExpression> result =
        constraintParser.parse(
            constraintStart, org.drools.mvel.parser.Providers.provider(expression));
    Expression read = result.getResult().map(DrlxExpression::getExpr).orElse(null);
    Expression scopeOfRead =
        read instanceof MethodCallExpr call && call.getArguments().isEmpty()
            ? call.getScope().orElse(null)
            : read instanceof FieldAccessExpr field ? field.getScope() : null;
    if (!(scopeOfRead instanceof NameExpr bound && bound.getNameAsString().startsWith("$"))) {
      refuse(
          line,
          "from "
              + abbreviate(expression)
              + " is not allowed: use from accumulate(...), or from $fact.accessor() for the values"
              + " a bound fact holds");
      return;
    }
    new Reads(line, result.getResult().get(), scope, true).check(read);
  }

  private boolean isImportedFactName(String type) {
    return type.startsWith(FACTS_PACKAGE)
        && facts.containsKey(type.substring(FACTS_PACKAGE.length()));
  }

  private void checkAccumulate(AccumulateDescr accumulate, Scope scope) {
    if (!accumulate.isExternalFunction()) {
      refuse(
          accumulate.getLine(),
          "accumulate with init/action/result code is not allowed: use count, sum, average, min, max, collectList or collectSet");
      return;
    }
    if (accumulate.getInput() != null) {
      checkCondition(accumulate.getInput(), scope);
    }
    for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
      if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
        refuse(
            accumulate.getLine(),
            "the accumulate function "
                + function.getFunction()
                + " is not allowed (only "
                + String.join(", ", new TreeSet<>(ACCUMULATE_FUNCTIONS))
                + ")");
      }
      for (String parameter : function.getParams()) {
        checkConstraint(parameter, accumulate.getLine(), scope);
      }
      if (function.getBind() != null) {
        scope.locals.add(function.getBind());
      }
    }
  }

  private void checkConstraint(String expression, int line, Scope scope) {
    ParseResult<DrlxExpression> result =
        constraintParser.parse(
            constraintStart, org.drools.mvel.parser.Providers.provider(expression));
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      refuse(line, "the constraint " + abbreviate(expression) + " cannot be read: " + why(result));
      return;
    }
    DrlxExpression parsed = result.getResult().get();
    if (parsed.getBind() != null) {
      scope.locals.add(parsed.getBind().asString());
    }
    if (parsed.getExpr() != null) {
      new Reads(line, parsed, scope, true).check(parsed.getExpr());
    }
  }

  // ---- the action ----

  private void checkAction(String code, int line, Scope scope) {
    // "{" on a line of its own: the block's line 2 is the action's first line.
    ParseResult<BlockStmt> result =
        actionParser.parse(ParseStart.BLOCK, Providers.provider("{\n" + code + "\n}"));
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      refuse(line, "the action cannot be read as Java statements ending with ';': " + why(result));
      return;
    }
    Reads reads = new Reads(line - 1, result.getResult().get(), scope, false);
    for (Statement statement : result.getResult().get().getStatements()) {
      reads.statement(statement);
    }
  }

  /**
   * Checks one expression (a constraint, an accumulated value, or a value of the action): literals,
   * operators, the rule's bindings and locals, fact accessors and the allowed helpers; nothing
   * else.
   */
  private final class Reads {
    private final int firstLine;
    private final int rootLine;
    private final Scope scope;
    private final boolean condition;

    /**
     * @param firstLine the DRL line of the parsed text's first line
     * @param root the parsed text's root, whose line the parser counts as the first
     */
    Reads(int firstLine, Node root, Scope scope, boolean condition) {
      this.firstLine = firstLine;
      this.rootLine = root.getBegin().map(p -> p.line).orElse(1);
      this.scope = scope;
      this.condition = condition;
    }

    void statement(Statement statement) {
      if (statement instanceof EmptyStmt) {
        return;
      }
      if (statement instanceof ExpressionStmt expression) {
        Expression e = expression.getExpression();
        if (e instanceof MethodCallExpr call
            && call.getScope().isEmpty()
            && call.getNameAsString().equals("insert")
            && call.getArguments().size() == 1) {
          check(call.getArgument(0));
          return;
        }
        if (e instanceof VariableDeclarationExpr declaration) {
          for (VariableDeclarator variable : declaration.getVariables()) {
            if (!allowedLocalType(variable.getType())) {
              refuse(
                  line(variable),
                  "a local of type "
                      + variable.getType()
                      + " is not allowed (primitive types and String)");
            }
            if (variable.getInitializer().isEmpty()) {
              refuse(line(variable), "the local " + variable.getNameAsString() + " needs a value");
            } else {
              check(variable.getInitializer().get());
            }
            scope.locals.add(variable.getNameAsString());
          }
          return;
        }
        if (e instanceof MethodCallExpr call) {
          refuse(
              line(call),
              "the call "
                  + abbreviate(call.toString())
                  + " is not allowed as a statement: an action only inserts evidence or facts,"
                  + " insert(...)");
          return;
        }
      }
      refuse(
          line(statement),
          "the statement "
              + abbreviate(statement.toString())
              + " is not allowed: an action only declares values and calls insert(...)");
    }

    void check(Node node) {
      if (node instanceof StringLiteralExpr
          || node instanceof CharLiteralExpr
          || node instanceof IntegerLiteralExpr
          || node instanceof LongLiteralExpr
          || node instanceof DoubleLiteralExpr
          || node instanceof BooleanLiteralExpr
          || node instanceof NullLiteralExpr) {
        return;
      }
      if (node instanceof NameExpr name) {
        checkName(name);
      } else if (node instanceof ThisExpr && condition) {
        return;
      } else if (node instanceof FieldAccessExpr field) {
        checkFieldAccess(field);
      } else if (node instanceof MethodCallExpr call) {
        checkCall(call);
      } else if (node instanceof ObjectCreationExpr creation) {
        String type = creation.getType().getNameAsString();
        if (!facts.containsKey(type)
            || creation.getAnonymousClassBody().isPresent()
            || creation.getScope().isPresent()) {
          refuse(
              line(creation),
              "new "
                  + creation.getType()
                  + "(...) is not allowed: only fact classes the rule imports may be made");
        }
        creation.getArguments().forEach(this::check);
      } else if (node instanceof BinaryExpr binary) {
        check(binary.getLeft());
        check(binary.getRight());
      } else if (node instanceof UnaryExpr unary) {
        if (unary.getOperator().isPrefix()
            && unary.getOperator() != UnaryExpr.Operator.PREFIX_INCREMENT
            && unary.getOperator() != UnaryExpr.Operator.PREFIX_DECREMENT) {
          check(unary.getExpression());
        } else {
          refuse(line(unary), abbreviate(unary.toString()) + " changes a value: not allowed");
        }
      } else if (node instanceof ConditionalExpr conditional) {
        check(conditional.getCondition());
        check(conditional.getThenExpr());
        check(conditional.getElseExpr());
      } else if (node instanceof EnclosedExpr enclosed) {
        check(enclosed.getInner());
      } else if (node instanceof CastExpr cast && allowedCast(cast.getType())) {
        check(cast.getExpression());
      } else if (node instanceof PointFreeExpr operator && condition) {
        checkOperator(
            operator.getOperator().asString(),
            operator,
            operator.getArg1(),
            operator.getArg2(),
            operator.getArg3(),
            operator.getArg4());
        check(operator.getLeft());
        operator.getRight().forEach(this::check);
      } else if (node instanceof HalfPointFreeExpr operator && condition) {
        checkOperator(
            operator.getOperator().asString(),
            operator,
            operator.getArg1(),
            operator.getArg2(),
            operator.getArg3(),
            operator.getArg4());
        operator.getRight().forEach(this::check);
      } else if (node instanceof HalfBinaryExpr half && condition) {
        check(half.getRight());
      } else {
        refuse(line(node), describe(node) + " is not allowed");
      }
    }

    private void checkOperator(String name, Node at, Expression... temporalArguments) {
      if (!OPERATORS.contains(name)) {
        refuse(
            line(at),
            "the operator "
                + name
                + " is not allowed (only ==, !=, <, <=, >, >=, "
                + String.join(", ", new TreeSet<>(OPERATORS))
                + ")");
      }
      for (Expression argument : temporalArguments) {
        if (argument != null) {
          refuse(line(at), "operator arguments [...] are not allowed");
        }
      }
    }

    private void checkName(NameExpr name) {
      String id = name.getNameAsString();
      if (name instanceof org.drools.mvel.parser.ast.expr.DrlNameExpr drl
          && drl.getBackReferencesCount() > 0) {
        refuse(line(name), "back references (../) are not allowed");
      } else if (id.startsWith("$") || scope.locals.contains(id)) {
        return; // a binding of the rule, or a local of the action
      } else if (condition && members.contains(id)) {
        return; // a field of the pattern's fact
      } else {
        refuse(
            line(name),
            "the name "
                + id
                + " is not allowed: "
                + (condition
                    ? "it is no field of the imported fact classes nor a binding ($x)"
                    : "an action reads only the rule's bindings ($x) and its own locals"));
      }
    }

    private void checkFieldAccess(FieldAccessExpr field) {
      String member = field.getNameAsString();
      if (field.getScope() instanceof NameExpr scopeName
          && isClassName(scopeName.getNameAsString())) {
        String type = scopeName.getNameAsString();
        if (!constants(type).contains(member)) {
          refuse(
              line(field),
              type + "." + member + " is not allowed" + allowedOf(type, constants(type)));
        }
        return;
      }
      check(field.getScope());
      if (!members.contains(member)) {
        refuse(
            line(field),
            "reading ."
                + member
                + " is not allowed: only the accessors of the imported fact classes and value reads ("
                + String.join(", ", new TreeSet<>(VALUE_METHODS))
                + ")");
      }
    }

    private void checkCall(MethodCallExpr call) {
      String method = call.getNameAsString();
      if (call.getTypeArguments().isPresent()) {
        refuse(line(call), "type arguments are not allowed");
      }
      if (call.getScope().isEmpty()) {
        refuse(
            line(call),
            "the call "
                + method
                + "(...) is not allowed here"
                + (method.equals("insert") ? ": insert(...) is a statement of its own" : ""));
      } else if (call.getScope().get() instanceof NameExpr scopeName
          && isClassName(scopeName.getNameAsString())) {
        String type = scopeName.getNameAsString();
        if (!helpers(type).contains(method)) {
          refuse(
              line(call),
              "the call "
                  + type
                  + "."
                  + method
                  + "(...) is not allowed"
                  + allowedOf(type, helpers(type)));
        }
      } else {
        check(call.getScope().get());
        if (!members.contains(method)) {
          refuse(
              line(call),
              "the call ."
                  + method
                  + "(...) is not allowed: only the accessors of the imported fact classes and value reads ("
                  + String.join(", ", new TreeSet<>(VALUE_METHODS))
                  + ")");
        }
      }
      call.getArguments().forEach(this::check);
    }

    /** A name that stands for a class: upper-case first letter, and no binding or local. */
    private boolean isClassName(String name) {
      return !name.isEmpty()
          && Character.isUpperCase(name.charAt(0))
          && !scope.locals.contains(name);
    }

    private int line(Node node) {
      return firstLine + node.getBegin().map(p -> p.line - rootLine).orElse(0);
    }
  }

  private Set<String> helpers(String type) {
    Class<?> fact = facts.get(type);
    if (fact == null) {
      return STATIC_HELPERS.getOrDefault(type, Set.of());
    }
    Set<String> names = new TreeSet<>();
    for (Method m : fact.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()) {
        names.add(m.getName());
      }
    }
    return names;
  }

  private Set<String> constants(String type) {
    Class<?> fact = facts.get(type);
    if (fact == null) {
      return STATIC_CONSTANTS.getOrDefault(type, Set.of());
    }
    Set<String> names = new TreeSet<>();
    for (Field f : fact.getDeclaredFields()) {
      int modifiers = f.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)) {
        names.add(f.getName());
      }
    }
    return names;
  }

  private static String allowedOf(String type, Set<String> allowed) {
    return allowed.isEmpty()
        ? " ("
            + type
            + " is not a class a rule may use: Math, Double, Integer, Long, String or an imported fact class)"
        : " (" + type + " offers " + String.join(", ", new TreeSet<>(allowed)) + ")";
  }

  /** A cast only states a type; these are the types a rule's values have. */
  private static boolean allowedCast(Type type) {
    return type instanceof PrimitiveType
        || Set.of("Object", "Number", "String", "Double", "Integer", "Long")
            .contains(type.asString());
  }

  private static boolean allowedLocalType(Type type) {
    return type instanceof PrimitiveType || type.asString().equals("String");
  }

  // ---- reporting ----

  private void refuse(int line, String message) {
    problems.add(origin + ":" + Math.max(line, 0) + ": " + message + "; " + ALLOWED);
  }

  /** The line of a constraint: its own when Drools recorded one, else its pattern's. */
  private static int lineOf(BaseDescr descr, BaseDescr parent) {
    return descr.getLine() > 0 ? descr.getLine() : parent.getLine();
  }

  /** The first line from {@code from} on that holds the word, else {@code from}. */
  private int lineOfText(String word, int from) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.max(0, from - 1); i < lines.length; i++) {
      if (lines[i].contains(word)) {
        return i + 1;
      }
    }
    return from;
  }

  /**
   * The line an action's code starts on: Drools gives the line of {@code then} and the code without
   * the rest of that line when it is blank.
   */
  private int actionLine(int thenLine) {
    String[] lines = text.split("\n", -1);
    if (thenLine < 1 || thenLine > lines.length) {
      return thenLine;
    }
    String rest = lines[thenLine - 1].replaceFirst("^\\s*then\\b", "");
    return rest.isBlank() ? thenLine + 1 : thenLine;
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String describe(Object node) {
    String kind = node.getClass().getSimpleName().replaceAll("(Descr|Expr|Stmt)$", "");
    String text = node instanceof Node n ? " " + abbreviate(n.toString()) : "";
    return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + text;
  }

  private static String abbreviate(String text) {
    String flat = flat(text);
    return "'" + (flat.length() > 60 ? flat.substring(0, 57) + "…" : flat) + "'";
  }

  private static String why(ParseResult<?> result) {
    return result.getProblems().isEmpty()
        ? "it cannot be parsed"
        : flat(firstLine(result.getProblems().get(0).getVerboseMessage()));
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  private static String flat(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
