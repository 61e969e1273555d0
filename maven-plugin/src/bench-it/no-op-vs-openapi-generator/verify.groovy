// Times both plugins' goals in each build from build.log timestamps: goal header to the next goal
// header (or the build summary). Reports medians over the builds where both plugins skipped
// generation; asserts only that there were such builds.
import java.text.SimpleDateFormat

def log = new File(basedir, 'build.log').readLines()
def format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
def time = { String line -> format.parse(line.substring(0, line.indexOf(' '))).time }
def isEnd = { String line -> (line.contains(' --- ') && line.contains(':')) || line.contains('BUILD SUCCESS') }
def skipped = [
    discogen: 'Generated sources are up to date, nothing to do',
    oag: 'Code generation is skipped because input was unchanged']

def builds = []   // per build: plugin -> [millis, skipped]
def current = [:]
log.eachWithIndex { line, i ->
  def plugin = line.contains('--- discogen-maven-plugin:') ? 'discogen'
      : line.contains('--- openapi-generator-maven-plugin:') ? 'oag'
      : line.contains('--- maven-clean-plugin:') ? 'control' : null
  if (plugin != null) {
    def end = (i + 1..<log.size()).find { isEnd(log[it]) }
    def range = log.subList(i, end)
    def check = range.findResult { (it =~ /checked in ([0-9.]+) ms/).with { m -> m.find() ? m.group(1) as double : null } }
    current[plugin] = [time(log[end]) - time(line), plugin == 'control' || range.any { it.contains(skipped[plugin]) }, check]
  }
  if (line.contains('BUILD SUCCESS')) {
    builds << current
    current = [:]
  }
}
assert builds.size() == 7 : "expected 7 builds, got ${builds.size()}"
def noOps = builds.findAll { it.discogen[1] && it.oag[1] }
assert noOps.size() >= 3 : "fewer than 3 builds where both plugins skipped: $builds"

def median = { List xs -> def s = xs.collect { it as long }.sort(); s[s.size().intdiv(2)] }
def d = median(noOps.collect { it.discogen[0] })
def o = median(noOps.collect { it.oag[0] })
// The do-nothing plugin that runs first: Maven's set-up for a build's first plugin.
def c = median(noOps.collect { it.control[0] })
def regenerated = { p -> builds.drop(1).count { !it[p][1] } }
def summary = String.format(Locale.ROOT,
    "plugin no-op (medians over the %d of 6 unchanged builds where both skipped; build.log timestamps, same builds): " +
    "discogen:generate %d ms, openapi-generator:generate with skipIfSpecIsUnchanged %d ms, ratio %.1fx. " +
    "Unchanged builds that regenerated anyway: discogen %d, openapi-generator %d. " +
    "Generating build: discogen %d ms, openapi-generator %d ms. No-op runs: discogen %s, openapi-generator %s",
    noOps.size(), d, o, (o as double) / Math.max(d, 1), regenerated('discogen'), regenerated('oag'),
    builds[0].discogen[0], builds[0].oag[0], noOps.collect { it.discogen[0] }, noOps.collect { it.oag[0] })
def checks = noOps.collect { it.discogen[2] as double }.sort()
def check = checks[checks.size().intdiv(2)]
summary += String.format(Locale.ROOT, ". Discogen's own up-to-date check (inside the goal): median %.1f ms", check)
summary += String.format(Locale.ROOT, ". First-plugin control (maven-clean-plugin, skip=true, before both): median %d ms", c)
println summary
new File(basedir, 'no-op-timing.txt').text = summary + '\n'
// For Report.java: discogen goal ms, openapi-generator goal ms, discogen check ms, builds compared,
// first-plugin control goal ms.
new File(basedir, 'no-op-timing.tsv').text = "${d}\t${o}\t${check}\t${noOps.size()}\t${c}\n"

return true
