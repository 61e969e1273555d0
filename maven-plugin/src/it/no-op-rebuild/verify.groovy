// The second build found nothing changed: it generated nothing and touched no generated file.
import java.text.SimpleDateFormat

def log = new File(basedir, 'build.log').readLines()
def format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
def time = { String line -> format.parse(line.substring(0, line.indexOf(' '))).time }

def generated = log.findIndexOf { it.contains('Generated 4 files for 1 API into') }
def upToDate = log.findIndexOf { it.contains('Generated sources are up to date, nothing to do') }
assert generated >= 0 : 'the first build did not generate'
assert upToDate > generated : 'the second build was not a no-op'
assert log.count { it.contains('] Generated ') && it.contains(' files for ') } == 1 : 'generated twice'

// The second build's goal: from its header line to the next plugin's header line.
def start = (upToDate - 1..0).find { log[it].contains('--- discogen-maven-plugin:') && log[it].contains(':generate ') }
def end = (upToDate + 1..<log.size()).find { log[it].contains(' --- ') || log[it].contains('--- maven-') }
assert start != null && end != null
def goalMillis = time(log[end]) - time(log[start])
def reported = (log[upToDate] =~ /checked in ([0-9.]+) ms/)[0][1]
// For scale: the resources goal that follows, with no resources to copy.
def next = (end + 1..<log.size()).find { log[it].contains(' --- ') || log[it].contains('--- maven-') }
def resourcesMillis = next == null ? '?' : time(log[next]) - time(log[end])
def summary = "no-op discogen:generate: ${goalMillis} ms from build.log timestamps (goal start to next goal), " +
    "fingerprint check ${reported} ms; for scale, resources:resources with nothing to copy: ${resourcesMillis} ms"
println summary
new File(basedir, 'no-op-timing.txt').text = summary + '\n'

// Nothing under the output directory was written during the second build.
def secondBuildStart = time(log[start])
def out = new File(basedir, 'target/generated-sources/discogen')
def files = []
out.eachFileRecurse { if (it.isFile()) files << it }
assert files.size() == 6 : files // 4 sources, the marker and the fingerprint
files.each {
  assert it.lastModified() < secondBuildStart : "rewritten by the no-op build: $it"
}
// So the compiler saw nothing new either.
assert log.subList(start, log.size()).any { it.contains('Nothing to compile') }
return true
